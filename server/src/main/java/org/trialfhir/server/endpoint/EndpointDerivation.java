package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;
import org.trialfhir.profiles.TrialCodes.RecistResponse;

/**
 * Derives a subject's endpoint facts as of a data cut-off, exactly by the trial's rules
 * (DESIGN.md "Endpoint derivation", repeated in the OperationDefinitions):
 * <ul>
 * <li>Times are whole days from the origin ({@code ResearchSubject.period.start}); data
 * dated after the cut-off are ignored; a date before the origin counts as day 0.</li>
 * <li>Last known alive: the latest date &le; cut-off among the patient's Observations,
 * MedicationAdministrations, AdverseEvents and Encounters (an encounter's end when it
 * ended by the cut-off).</li>
 * <li>OS: event = death &le; cut-off; otherwise censored at last known alive (day 0 when
 * there are no data).</li>
 * <li>"After origin" means day &ge; 1 (day 0 is baseline). Adequate assessments are CR,
 * PR, SD and PD, not NE.</li>
 * <li>PFS: event = the earlier of the first PD after origin and death &le; cut-off;
 * otherwise censored at the last adequate assessment after origin, day 0 if none.</li>
 * <li>TTP: event = the first PD after origin; otherwise (also after death without PD)
 * censored at the last adequate assessment after origin, day 0 if none.</li>
 * <li>Best overall response: the best (CR &gt; PR &gt; SD &gt; PD &gt; NE) of the
 * assessments after origin dated up to and including the first PD; NE without any.</li>
 * <li>First dose: the earliest MedicationAdministration &le; cut-off. Treatment-emergent
 * adverse events: onset on or after the first dose and &le; cut-off.</li>
 * <li>Discontinued: status off-study or withdrawn, unless {@code period.end} is after the
 * cut-off.</li>
 * </ul>
 */
public final class EndpointDerivation {

	private static final Set<String> DISCONTINUED = Set.of(ResearchSubjectStatus.OFFSTUDY.toCode(),
			ResearchSubjectStatus.WITHDRAWN.toCode());

	private static final EndpointDerivation INSTANCE = new EndpointDerivation();

	private EndpointDerivation() {
	}

	/**
	 * @return the derivation
	 */
	public static EndpointDerivation withDefaults() {
		return INSTANCE;
	}

	/**
	 * @param subject the subject
	 * @param deathDate the patient's date of death, or null
	 * @param events the patient's dated resources (any date; later ones are ignored)
	 * @param cutoff data cut-off ({@link LocalDate#MAX} for all data)
	 * @return the subject's endpoint facts as of the cut-off
	 */
	public SubjectEndpoints derive(SubjectEnrollment subject, LocalDate deathDate, List<ClinicalEvent> events,
			LocalDate cutoff) {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(cutoff, "cutoff");
		List<ClinicalEvent> known = events.stream()
			.filter((e) -> !e.date().isAfter(cutoff))
			.sorted(Comparator.comparing(ClinicalEvent::date))
			.toList();
		LocalDate death = (deathDate != null && !deathDate.isAfter(cutoff)) ? deathDate : null;
		LocalDate origin = subject.origin();
		List<ClinicalEvent> assessments = known.stream()
			.filter((e) -> e.kind() == ClinicalEvent.Kind.TUMOR_RESPONSE && days(origin, e.date()) >= 1)
			.toList();
		LocalDate firstProgression = assessments.stream()
			.filter((e) -> e.response() == RecistResponse.PD)
			.map(ClinicalEvent::date)
			.findFirst()
			.orElse(null);
		LocalDate lastAdequate = assessments.stream()
			.filter((e) -> e.response().isAdequate())
			.map(ClinicalEvent::date)
			.reduce((a, b) -> b)
			.orElse(null);
		LocalDate firstDose = known.stream()
			.filter((e) -> e.kind() == ClinicalEvent.Kind.DOSE)
			.map(ClinicalEvent::date)
			.findFirst()
			.orElse(null);
		return new SubjectEndpoints(subject, overallSurvival(origin, death, lastKnownAlive(known, cutoff)),
				progressionFree(origin, firstProgression, death, lastAdequate),
				timeToProgression(origin, firstProgression, lastAdequate), bestResponse(assessments, firstProgression),
				firstDose, treatmentEmergent(known, firstDose), isDiscontinued(subject, cutoff), 2 + known.size());
	}

	private static LocalDate lastKnownAlive(List<ClinicalEvent> known, LocalDate cutoff) {
		LocalDate last = null;
		for (ClinicalEvent e : known) {
			LocalDate seen = (e.endDate() != null && !e.endDate().isAfter(cutoff)) ? e.latestDate() : e.date();
			if (last == null || seen.isAfter(last)) {
				last = seen;
			}
		}
		return last;
	}

	private static TimeToEvent overallSurvival(LocalDate origin, LocalDate death, LocalDate lastKnownAlive) {
		if (death != null) {
			return TimeToEvent.eventAt(days(origin, death));
		}
		return TimeToEvent.censoredAt(lastKnownAlive == null ? 0 : days(origin, lastKnownAlive));
	}

	private static TimeToEvent progressionFree(LocalDate origin, LocalDate firstProgression, LocalDate death,
			LocalDate lastAdequate) {
		LocalDate event = earlier(firstProgression, death);
		if (event != null) {
			return TimeToEvent.eventAt(days(origin, event));
		}
		return censoredAtLastAdequate(origin, lastAdequate);
	}

	private static TimeToEvent timeToProgression(LocalDate origin, LocalDate firstProgression, LocalDate lastAdequate) {
		if (firstProgression != null) {
			return TimeToEvent.eventAt(days(origin, firstProgression));
		}
		return censoredAtLastAdequate(origin, lastAdequate);
	}

	private static TimeToEvent censoredAtLastAdequate(LocalDate origin, LocalDate lastAdequate) {
		return TimeToEvent.censoredAt(lastAdequate == null ? 0 : days(origin, lastAdequate));
	}

	private static RecistResponse bestResponse(List<ClinicalEvent> assessments, LocalDate firstProgression) {
		RecistResponse best = RecistResponse.NE;
		for (ClinicalEvent e : assessments) {
			if (firstProgression != null && e.date().isAfter(firstProgression)) {
				break;
			}
			if (e.response().rank() > best.rank()) {
				best = e.response();
			}
		}
		return best;
	}

	private static List<AdverseEventTerm> treatmentEmergent(List<ClinicalEvent> known, LocalDate firstDose) {
		if (firstDose == null) {
			return List.of();
		}
		Map<String, AdverseEventTerm> byTerm = new TreeMap<>();
		for (ClinicalEvent e : known) {
			if (e.kind() != ClinicalEvent.Kind.ADVERSE_EVENT || e.date().isBefore(firstDose)) {
				continue;
			}
			AdverseEventTerm term = new AdverseEventTerm(e.termCode(), e.termDisplay(), e.grade(), e.serious());
			byTerm.merge(term.code(), term, (a, b) -> new AdverseEventTerm(a.code(), a.display(),
					Math.max(a.worstGrade(), b.worstGrade()), a.serious() || b.serious()));
		}
		return new ArrayList<>(byTerm.values());
	}

	private static boolean isDiscontinued(SubjectEnrollment subject, LocalDate cutoff) {
		return subject.status() != null && DISCONTINUED.contains(subject.status())
				&& (subject.periodEnd() == null || !subject.periodEnd().isAfter(cutoff));
	}

	private static LocalDate earlier(LocalDate a, LocalDate b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return a.isBefore(b) ? a : b;
	}

	/** Whole days from the origin; dates before the origin count as day 0. */
	private static int days(LocalDate origin, LocalDate date) {
		return (int) Math.max(0, ChronoUnit.DAYS.between(origin, date));
	}

}
