package org.trialfhir.server.analysis.randomization;

import java.util.List;

/**
 * The randomization list of one stratum, made of complete blocks.
 *
 * @param stratum stratum
 * @param assignments assignments in sequence order
 */
public record StratumRandomizationList(String stratum, List<RandomizationAssignment> assignments) {

	/** Copies the list. */
	public StratumRandomizationList {
		assignments = List.copyOf(assignments);
	}
}
