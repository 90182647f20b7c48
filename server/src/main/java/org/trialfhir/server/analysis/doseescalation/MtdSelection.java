package org.trialfhir.server.analysis.doseescalation;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * MTD selected at the end of a BOIN trial.
 *
 * @param maximumToleratedDose selected dose level (1-based); empty if the lowest dose is
 * eliminated or no admissible dose was treated
 * @param isotonicEstimates isotonic DLT-rate estimate per dose level; empty for doses
 * untreated or eliminated
 */
public record MtdSelection(OptionalInt maximumToleratedDose, List<OptionalDouble> isotonicEstimates) {

	/** Copies the list. */
	public MtdSelection {
		isotonicEstimates = List.copyOf(isotonicEstimates);
	}
}
