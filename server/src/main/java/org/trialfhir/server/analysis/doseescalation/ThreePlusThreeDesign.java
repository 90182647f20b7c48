package org.trialfhir.server.analysis.doseescalation;

import java.util.List;
import java.util.OptionalInt;

/**
 * The traditional 3+3 design (Storer 1989, design "A" followed by the usual MTD rule).
 * Cohorts of 3 at a dose:
 * <ul>
 * <li>0/3 DLT: escalate (at the highest dose, or below a dose already exceeded: expand to
 * 6 instead);</li>
 * <li>1/3: expand the dose to 6 patients ({@link DoseEscalationAction#STAY});</li>
 * <li>after 6 patients with at most 1/6: escalate; at the highest dose, or below a dose
 * already exceeded, stop and declare this dose the MTD;</li>
 * <li>at least 2 DLTs (of 3 or of 6): the dose exceeds the MTD; if the next lower dose
 * has 6 patients with at most 1 DLT it is the MTD (stop); if it has only 3, de-escalate
 * to expand it to 6; at the lowest dose stop without an MTD.</li>
 * </ul>
 * "Exceeded" means at least 2 DLTs among the patients treated at a dose. The current dose
 * must have a complete cohort (3 or 6 patients).
 */
public final class ThreePlusThreeDesign {

	private static final ThreePlusThreeDesign DEFAULTS = new ThreePlusThreeDesign();

	private ThreePlusThreeDesign() {
	}

	/**
	 * @return the design
	 */
	public static ThreePlusThreeDesign withDefaults() {
		return DEFAULTS;
	}

	/**
	 * @param doses cumulative outcomes per dose level (index 0 = level 1)
	 * @param currentDose level (1-based) the last cohort received
	 * @return the decision
	 */
	public DoseEscalationDecision decide(List<DoseLevelOutcome> doses, int currentDose) {
		List<DoseLevelOutcome> d = DoseLevels.require(doses);
		DoseLevelOutcome c = DoseLevels.current(d, currentDose);
		if (c.treated() != 3 && c.treated() != 6) {
			throw new IllegalArgumentException("3+3 needs a complete cohort of 3 or 6 patients at dose level "
					+ currentDose + ", has " + c.treated());
		}
		boolean top = currentDose == d.size();
		boolean nextExceeded = !top && exceeded(d.get(currentDose));
		if (c.toxicities() >= 2) {
			return deEscalate(d, currentDose);
		}
		if (c.treated() == 3) {
			if (c.toxicities() == 1) {
				return DoseEscalationDecision.go(DoseEscalationAction.STAY, currentDose, currentDose,
						"1/3 DLT: expand dose level " + currentDose + " to 6 patients");
			}
			if (top || nextExceeded) {
				return DoseEscalationDecision.go(DoseEscalationAction.STAY, currentDose, currentDose, "0/3 DLT at "
						+ (top ? "the highest dose" : "the dose below an exceeded dose") + ": expand to 6 patients");
			}
			return DoseEscalationDecision.go(DoseEscalationAction.ESCALATE, currentDose, currentDose + 1,
					"0/3 DLT: escalate");
		}
		if (top || nextExceeded) {
			return DoseEscalationDecision.stop(currentDose, OptionalInt.of(currentDose),
					c.toxicities() + "/6 DLT at " + (top ? "the highest dose" : "the dose below an exceeded dose")
							+ ": MTD is dose level " + currentDose);
		}
		return DoseEscalationDecision.go(DoseEscalationAction.ESCALATE, currentDose, currentDose + 1,
				c.toxicities() + "/6 DLT: escalate");
	}

	private static DoseEscalationDecision deEscalate(List<DoseLevelOutcome> d, int currentDose) {
		DoseLevelOutcome c = d.get(currentDose - 1);
		String exceeded = c.toxicities() + "/" + c.treated() + " DLT: dose level " + currentDose + " exceeds the MTD";
		if (currentDose == 1) {
			return DoseEscalationDecision.stop(currentDose, OptionalInt.empty(),
					exceeded + "; it is the lowest dose, no MTD");
		}
		DoseLevelOutcome lower = d.get(currentDose - 2);
		if (lower.treated() >= 6 && lower.toxicities() <= 1) {
			return DoseEscalationDecision.stop(currentDose, OptionalInt.of(currentDose - 1),
					exceeded + "; MTD is dose level " + (currentDose - 1));
		}
		if (lower.treated() == 3 && lower.toxicities() == 0) {
			return DoseEscalationDecision.go(DoseEscalationAction.DE_ESCALATE, currentDose, currentDose - 1,
					exceeded + "; expand dose level " + (currentDose - 1) + " to 6 patients");
		}
		throw new IllegalArgumentException("inconsistent 3+3 history: dose level " + (currentDose - 1) + " has "
				+ lower.toxicities() + "/" + lower.treated() + " DLT but dose level " + currentDose + " was reached");
	}

	private static boolean exceeded(DoseLevelOutcome d) {
		return d.toxicities() >= 2;
	}

}
