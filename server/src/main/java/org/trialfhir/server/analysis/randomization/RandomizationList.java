package org.trialfhir.server.analysis.randomization;

import java.util.List;

/**
 * Randomization lists of all strata. The seed is deliberately not part of the list.
 *
 * @param ratio allocation ratio
 * @param blockSizes allowed block sizes
 * @param strata per-stratum lists, in the order requested
 */
public record RandomizationList(AllocationRatio ratio, List<Integer> blockSizes,
		List<StratumRandomizationList> strata) {

	/** Copies the lists. */
	public RandomizationList {
		blockSizes = List.copyOf(blockSizes);
		strata = List.copyOf(strata);
	}

	/**
	 * @param stratum stratum label
	 * @return that stratum's list
	 */
	public StratumRandomizationList stratum(String stratum) {
		return strata.stream()
			.filter(s -> s.stratum().equals(stratum))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no stratum '" + stratum + "' in the randomization list"));
	}
}
