package org.trialfhir.server.dosefinding;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.trialfhir.server.analysis.doseescalation.DoseEscalationDecision;

/**
 * Where a dose-escalation study stands at a cut-off.
 *
 * @param protocol the study's dose-escalation protocol
 * @param cutoff data cut-off date
 * @param levels counts per dose level, lowest first
 * @param decision the decision for the current dose level (its {@code currentDose} is the
 * current dose level), or empty before the first subject is treated
 * @param maximumToleratedDose the MTD estimate: for BOIN the isotonic selection, for 3+3
 * the dose the 3+3 rule declares when it stops; empty while undetermined
 */
public record DoseEscalationStatus(DoseEscalationProtocol protocol, LocalDate cutoff, List<DoseLevelTally> levels,
		Optional<DoseEscalationDecision> decision, OptionalInt maximumToleratedDose) {

	/** Copies the list. */
	public DoseEscalationStatus {
		levels = List.copyOf(levels);
	}

}
