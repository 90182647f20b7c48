package org.trialfhir.server.analysis.binary;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * Exact (Clopper &amp; Pearson 1934) confidence interval for a binomial proportion, as
 * R's {@code binom.test(x, n)$conf.int}: with {@code alpha = 1 - level},
 * {@code lower = qbeta(alpha/2, x, n - x + 1)} (0 when {@code x = 0}) and
 * {@code upper = qbeta(1 - alpha/2, x + 1, n - x)} (1 when {@code x = n}). Guaranteed
 * coverage at least the nominal level; conservative.
 */
public final class ClopperPearsonInterval {

	private static final ClopperPearsonInterval DEFAULTS = new ClopperPearsonInterval(0.95);

	private final double level;

	private ClopperPearsonInterval(double level) {
		this.level = level;
	}

	/**
	 * @return the 95% interval
	 */
	public static ClopperPearsonInterval withDefaults() {
		return DEFAULTS;
	}

	/**
	 * @param confidenceLevel level in (0, 1)
	 * @return an interval with that level
	 */
	public ClopperPearsonInterval withConfidenceLevel(double confidenceLevel) {
		return new ClopperPearsonInterval(ConfidenceInterval.requireLevel(confidenceLevel));
	}

	/**
	 * @param successes count in {@code [0, trials]}
	 * @param trials denominator, at least 1
	 * @return the proportion and its exact interval
	 */
	public BinomialProportion estimate(int successes, int trials) {
		BinomialProportion.requireCounts(successes, trials);
		double alpha = 1 - level;
		double lower = successes == 0 ? 0
				: BetaDistribution.of(successes, trials - successes + 1.0).inverseCumulativeProbability(alpha / 2);
		double upper = successes == trials ? 1
				: BetaDistribution.of(successes + 1.0, trials - successes).inverseSurvivalProbability(alpha / 2);
		return new BinomialProportion(successes, trials, (double) successes / trials,
				ConfidenceInterval.of(lower, upper, level));
	}

}
