package org.trialfhir.server.analysis.doseescalation;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A dose-finding decision after a cohort.
 *
 * @param action what to do
 * @param currentDose the dose level the last cohort received (1-based)
 * @param nextDose dose level for the next cohort, empty when the trial stops
 * @param maximumToleratedDose MTD declared by the decision (3+3 when it stops with an
 * MTD), else empty
 * @param reason the rule that applied, in words
 */
public record DoseEscalationDecision(DoseEscalationAction action, int currentDose, OptionalInt nextDose,
		OptionalInt maximumToleratedDose, String reason) {

	/** Checks that the next dose is present exactly when the trial goes on. */
	public DoseEscalationDecision {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(reason, "reason");
		if ((action == DoseEscalationAction.STOP) == nextDose.isPresent()) {
			throw new IllegalArgumentException(
					"a next dose is required unless the trial stops, got " + action + " " + nextDose);
		}
	}

	static DoseEscalationDecision go(DoseEscalationAction action, int current, int next, String reason) {
		return new DoseEscalationDecision(action, current, OptionalInt.of(next), OptionalInt.empty(), reason);
	}

	static DoseEscalationDecision stop(int current, OptionalInt mtd, String reason) {
		return new DoseEscalationDecision(DoseEscalationAction.STOP, current, OptionalInt.empty(), mtd, reason);
	}
}
