package org.trialfhir.server.analysis;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * A chi-square test result: statistic, degrees of freedom and upper-tail p-value
 * {@code P(X > statistic)}, {@code X ~ chi-square(df)} (R:
 * {@code pchisq(statistic, df, lower.tail = FALSE)}).
 *
 * @param statistic the chi-square statistic, finite and non-negative
 * @param degreesOfFreedom degrees of freedom, at least 1
 * @param pValue upper-tail probability
 */
public record ChiSquareTest(double statistic, int degreesOfFreedom, double pValue) {

	/** Validates the components. */
	public ChiSquareTest {
		if (!(statistic >= 0) || Double.isInfinite(statistic)) {
			throw new IllegalArgumentException("chi-square statistic must be finite and >= 0, was " + statistic);
		}
		if (degreesOfFreedom < 1) {
			throw new IllegalArgumentException("degrees of freedom must be >= 1, was " + degreesOfFreedom);
		}
		if (!(pValue >= 0 && pValue <= 1)) {
			throw new IllegalArgumentException("p-value must be in [0, 1], was " + pValue);
		}
	}

	/**
	 * Computes the p-value of a statistic.
	 * @param statistic chi-square statistic
	 * @param degreesOfFreedom degrees of freedom
	 * @return the test
	 */
	public static ChiSquareTest of(double statistic, int degreesOfFreedom) {
		if (degreesOfFreedom < 1) {
			throw new IllegalArgumentException("degrees of freedom must be >= 1, was " + degreesOfFreedom);
		}
		// rounding can make a quadratic form a hair below zero
		double x = statistic < 0 && statistic > -1e-12 ? 0 : statistic;
		if (!(x >= 0) || Double.isInfinite(x)) {
			throw new IllegalArgumentException("chi-square statistic must be finite and >= 0, was " + statistic);
		}
		return new ChiSquareTest(x, degreesOfFreedom,
				ChiSquaredDistribution.of(degreesOfFreedom).survivalProbability(x));
	}
}
