package org.trialfhir.server.analysis.binary;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * Wilson (1927) score interval for a binomial proportion without continuity correction,
 * as R's {@code prop.test(x, n, correct = FALSE)$conf.int}:
 * {@code (p + z^2/(2n) ± z sqrt(p(1-p)/n + z^2/(4n^2))) / (1 + z^2/n)}, with the bound
 * set to 0 when {@code x = 0} and to 1 when {@code x = n} (as R does).
 */
public final class WilsonScoreInterval {

	private static final WilsonScoreInterval DEFAULTS = new WilsonScoreInterval(0.95);

	private final double level;

	private WilsonScoreInterval(double level) {
		this.level = level;
	}

	/**
	 * @return the 95% interval
	 */
	public static WilsonScoreInterval withDefaults() {
		return DEFAULTS;
	}

	/**
	 * @param confidenceLevel level in (0, 1)
	 * @return an interval with that level
	 */
	public WilsonScoreInterval withConfidenceLevel(double confidenceLevel) {
		return new WilsonScoreInterval(ConfidenceInterval.requireLevel(confidenceLevel));
	}

	/**
	 * @return the confidence level
	 */
	public double confidenceLevel() {
		return level;
	}

	/**
	 * @param successes count in {@code [0, trials]}
	 * @param trials denominator, at least 1
	 * @return the proportion and its score interval
	 */
	public BinomialProportion estimate(int successes, int trials) {
		BinomialProportion.requireCounts(successes, trials);
		double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
		double n = trials;
		double p = successes / n;
		double z2 = z * z;
		double centre = p + z2 / (2 * n);
		double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
		double denominator = 1 + z2 / n;
		double lower = successes == 0 ? 0 : Math.max(0, (centre - half) / denominator);
		double upper = successes == trials ? 1 : Math.min(1, (centre + half) / denominator);
		return new BinomialProportion(successes, trials, p, ConfidenceInterval.of(lower, upper, level));
	}

}
