package org.trialfhir.server.dosefinding;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.trialfhir.profiles.TrialCodes.DoseEscalationDesign;
import org.trialfhir.server.analysis.doseescalation.BoinDesign;
import org.trialfhir.server.analysis.doseescalation.DoseEscalationAction;
import org.trialfhir.server.analysis.doseescalation.DoseEscalationDecision;
import org.trialfhir.server.analysis.doseescalation.DoseLevelOutcome;
import org.trialfhir.server.analysis.doseescalation.MtdSelection;
import org.trialfhir.server.analysis.doseescalation.ThreePlusThreeDesign;

/**
 * Applies a dose-escalation protocol to the subjects' DLT histories as of a cut-off.
 *
 * <p>
 * Derivation (whole days, day 0 = the subject's first dose at its level): a subject is
 * treated when its first dose is on or before the cut-off; a DLT is a DLT-flagged adverse
 * event with onset on day 0 to {@code window - 1} and on or before the cut-off; a subject
 * is DLT-evaluable when it had a DLT or the cut-off is on or after day {@code window}
 * (the whole window is observed). The current dose level is the level of the most
 * recently treated subject (on a tie, the higher level).
 *
 * <p>
 * Decisions are taken on DLT-evaluable subjects, once the subjects of the current level
 * have all completed their window: while some are pending the decision is to stay (wait),
 * unless the data already force a safety decision: 3+3 with at least 2 DLTs at the
 * current level (the dose exceeds the MTD whatever the pending subjects show), BOIN
 * elimination or stop. 3+3 with fewer than 3 (or 4 or 5) evaluable subjects stays to
 * complete the cohort. BOIN also stops when the planned enrollment (its maximum sample
 * size) has been treated; its MTD estimate is BOIN's isotonic selection, reported at
 * every cut-off; the 3+3 MTD is the one the 3+3 rule declares when it stops.
 */
public final class DoseEscalationAssessment {

	private DoseEscalationAssessment() {
	}

	/**
	 * @param protocol the study's protocol
	 * @param histories the study's subjects
	 * @param cutoff data cut-off
	 * @return the status
	 * @throws IllegalArgumentException if a subject's dose level is not in the protocol,
	 * or the history is impossible under the design (e.g. 7 subjects at a 3+3 level)
	 */
	public static DoseEscalationStatus assess(DoseEscalationProtocol protocol, List<SubjectDltHistory> histories,
			LocalDate cutoff) {
		List<SubjectDltHistory> treated = histories.stream().filter(h -> !h.firstDose().isAfter(cutoff)).toList();
		int window = protocol.dltWindowDays();
		int levels = protocol.levels().size();
		int[] counts = new int[levels];
		int[] evaluable = new int[levels];
		int[] dlts = new int[levels];
		for (SubjectDltHistory h : treated) {
			protocol.level(h.doseLevel());
			int i = h.doseLevel() - 1;
			counts[i]++;
			boolean dlt = h.dltOnsets().stream().anyMatch(onset -> withinWindow(h.firstDose(), onset, window, cutoff));
			if (dlt) {
				dlts[i]++;
			}
			if (dlt || !cutoff.isBefore(h.firstDose().plusDays(window))) {
				evaluable[i]++;
			}
		}
		List<DoseLevelOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < levels; i++) {
			outcomes.add(new DoseLevelOutcome(evaluable[i], dlts[i]));
		}
		Optional<MtdSelection> isotonic = protocol.targetDltRate()
			.stream()
			.mapToObj(rate -> BoinDesign.of(rate).selectMtd(outcomes))
			.findFirst();
		List<DoseLevelTally> tallies = new ArrayList<>();
		for (int i = 0; i < levels; i++) {
			int index = i;
			OptionalDouble estimate = isotonic.map(s -> s.isotonicEstimates().get(index))
				.orElse(OptionalDouble.empty());
			tallies.add(new DoseLevelTally(protocol.levels().get(i), counts[i], evaluable[i], dlts[i], estimate));
		}
		Optional<SubjectDltHistory> latest = treated.stream()
			.max(Comparator.comparing(SubjectDltHistory::firstDose).thenComparingInt(SubjectDltHistory::doseLevel));
		if (latest.isEmpty()) {
			return new DoseEscalationStatus(protocol, cutoff, tallies, Optional.empty(), OptionalInt.empty());
		}
		int current = latest.get().doseLevel();
		DoseLevelTally tally = tallies.get(current - 1);
		if (protocol.design() == DoseEscalationDesign.THREE_PLUS_THREE) {
			DoseEscalationDecision decision = threePlusThree(outcomes, current, tally);
			return new DoseEscalationStatus(protocol, cutoff, tallies, Optional.of(decision),
					decision.maximumToleratedDose());
		}
		MtdSelection selection = isotonic.orElseThrow();
		DoseEscalationDecision decision = boin(protocol, outcomes, current, tally, treated.size(), selection);
		return new DoseEscalationStatus(protocol, cutoff, tallies, Optional.of(decision),
				selection.maximumToleratedDose());
	}

	static boolean withinWindow(LocalDate firstDose, LocalDate onset, int window, LocalDate cutoff) {
		long day = ChronoUnit.DAYS.between(firstDose, onset);
		return day >= 0 && day < window && !onset.isAfter(cutoff);
	}

	private static DoseEscalationDecision threePlusThree(List<DoseLevelOutcome> outcomes, int current,
			DoseLevelTally tally) {
		int n = tally.dltEvaluable();
		if (n > 6) {
			throw new IllegalArgumentException("3+3 treats at most 6 subjects per dose level, dose level " + current
					+ " has " + n + " DLT-evaluable subjects");
		}
		ThreePlusThreeDesign design = ThreePlusThreeDesign.withDefaults();
		if (tally.dlts() >= 2) {
			// the level exceeds the MTD whatever the pending or missing subjects show
			List<DoseLevelOutcome> complete = new ArrayList<>(outcomes);
			complete.set(current - 1, new DoseLevelOutcome((n <= 3) ? 3 : 6, tally.dlts()));
			return design.decide(complete, current);
		}
		if (tally.pending() > 0) {
			return waiting(current, tally);
		}
		if (n == 3 || n == 6) {
			return design.decide(outcomes, current);
		}
		return stay(current, tally.dlts() + "/" + n + " DLT at dose level " + current + ": complete the cohort to "
				+ ((n < 3) ? 3 : 6) + " DLT-evaluable subjects");
	}

	private static DoseEscalationDecision boin(DoseEscalationProtocol protocol, List<DoseLevelOutcome> outcomes,
			int current, DoseLevelTally tally, int totalTreated, MtdSelection selection) {
		if (tally.dltEvaluable() == 0) {
			return waiting(current, tally);
		}
		DoseEscalationDecision decision = BoinDesign.of(protocol.targetDltRate().getAsDouble())
			.decide(outcomes, current);
		if (decision.action() == DoseEscalationAction.ELIMINATE || decision.action() == DoseEscalationAction.STOP) {
			return decision;
		}
		if (tally.pending() > 0) {
			return waiting(current, tally);
		}
		OptionalInt maximum = protocol.maximumSampleSize();
		if (maximum.isPresent() && totalTreated >= maximum.getAsInt()) {
			return new DoseEscalationDecision(DoseEscalationAction.STOP, current, OptionalInt.empty(),
					selection.maximumToleratedDose(),
					"maximum sample size " + maximum.getAsInt() + " reached: stop, MTD by isotonic regression");
		}
		return decision;
	}

	private static DoseEscalationDecision waiting(int current, DoseLevelTally tally) {
		return stay(current, tally.pending() + " subject(s) at dose level " + current
				+ " still within the DLT window: wait before the next decision");
	}

	private static DoseEscalationDecision stay(int current, String reason) {
		return new DoseEscalationDecision(DoseEscalationAction.STAY, current, OptionalInt.of(current),
				OptionalInt.empty(), reason);
	}

}
