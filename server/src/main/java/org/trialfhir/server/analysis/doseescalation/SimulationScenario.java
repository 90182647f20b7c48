package org.trialfhir.server.analysis.doseescalation;

import java.util.List;
import java.util.OptionalInt;

/**
 * A true dose-toxicity scenario for simulating a dose-finding design.
 *
 * @param name label
 * @param trueToxicity true DLT probability of each dose level, lowest first, each in [0,
 * 1]
 * @param target target DLT rate in (0, 1)
 */
public record SimulationScenario(String name, List<Double> trueToxicity, double target) {

	/**
	 * Margin above the target beyond which a lowest dose means "no dose is acceptable".
	 */
	static final double NONE_ACCEPTABLE_MARGIN = 0.1;

	/** Validates and copies. */
	public SimulationScenario {
		trueToxicity = List.copyOf(trueToxicity);
		if (trueToxicity.isEmpty()) {
			throw new IllegalArgumentException("a scenario needs at least one dose level");
		}
		for (double p : trueToxicity) {
			if (!(p >= 0 && p <= 1)) {
				throw new IllegalArgumentException("true DLT probabilities must be in [0, 1], got " + trueToxicity);
			}
		}
		if (!(target > 0 && target < 1)) {
			throw new IllegalArgumentException("target DLT rate must be in (0, 1), was " + target);
		}
	}

	/**
	 * The true MTD: the dose level whose true DLT probability is closest to the target
	 * (the lower one on a tie); none when even the lowest dose exceeds the target by 0.1
	 * or more.
	 * @return the true MTD (1-based), or empty when no dose is acceptable
	 */
	public OptionalInt trueMtd() {
		if (trueToxicity.get(0) >= target + NONE_ACCEPTABLE_MARGIN) {
			return OptionalInt.empty();
		}
		int best = 0;
		for (int i = 1; i < trueToxicity.size(); i++) {
			if (Math.abs(trueToxicity.get(i) - target) < Math.abs(trueToxicity.get(best) - target)) {
				best = i;
			}
		}
		return OptionalInt.of(best + 1);
	}

}
