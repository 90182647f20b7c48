package org.trialfhir.server.analysis.randomization;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Allocation ratio between arms, e.g. 2:1 for {@code ("Treatment", 2), ("Placebo", 1)}.
 *
 * @param arms arm labels, at least two, distinct, not blank
 * @param weights positive integer weight of each arm
 */
public record AllocationRatio(List<String> arms, List<Integer> weights) {

	/** Validates and copies. */
	public AllocationRatio {
		arms = List.copyOf(arms);
		weights = List.copyOf(weights);
		if (arms.size() < 2) {
			throw new IllegalArgumentException("allocation needs at least two arms, got " + arms);
		}
		if (arms.size() != weights.size()) {
			throw new IllegalArgumentException(arms.size() + " arms but " + weights.size() + " weights");
		}
		if (new HashSet<>(arms).size() != arms.size()) {
			throw new IllegalArgumentException("arm labels are not distinct: " + arms);
		}
		for (String arm : arms) {
			if (arm.isBlank()) {
				throw new IllegalArgumentException("arm label must not be blank");
			}
		}
		for (int w : weights) {
			if (w < 1) {
				throw new IllegalArgumentException("allocation weights must be >= 1, got " + weights);
			}
		}
	}

	/**
	 * @param arms arm labels
	 * @return 1:1:...:1 allocation
	 */
	public static AllocationRatio equal(String... arms) {
		List<Integer> ones = new ArrayList<>();
		for (int i = 0; i < arms.length; i++) {
			ones.add(1);
		}
		return new AllocationRatio(List.of(arms), ones);
	}

	/**
	 * @param weights arm to weight, in iteration order (use an ordered map)
	 * @return the ratio
	 */
	public static AllocationRatio of(Map<String, Integer> weights) {
		return new AllocationRatio(new ArrayList<>(weights.keySet()), new ArrayList<>(weights.values()));
	}

	/**
	 * @return the sum of the weights: every block size must be a multiple of it
	 */
	public int total() {
		return weights.stream().mapToInt(Integer::intValue).sum();
	}
}
