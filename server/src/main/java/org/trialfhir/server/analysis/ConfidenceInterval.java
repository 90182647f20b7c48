package org.trialfhir.server.analysis;

/**
 * A two-sided confidence interval {@code [lower, upper]} at a given confidence level.
 *
 * <p>
 * Where R reports {@code NA} for a bound (for example the log-transformed Kaplan–Meier
 * interval once the survival estimate is 0), both bounds are {@link Double#NaN} and
 * {@link #isDefined()} is {@code false}; such an interval is only ever produced by
 * {@link #undefined(double)}, never by arithmetic on bad input.
 *
 * @param lower lower bound
 * @param upper upper bound (may be {@link Double#POSITIVE_INFINITY}, e.g. an odds ratio)
 * @param level confidence level in (0, 1), e.g. 0.95
 */
public record ConfidenceInterval(double lower, double upper, double level) {

	/** Validates the bounds and the level. */
	public ConfidenceInterval {
		requireLevel(level);
		boolean lowerNaN = Double.isNaN(lower);
		boolean upperNaN = Double.isNaN(upper);
		if (lowerNaN != upperNaN) {
			throw new IllegalArgumentException(
					"interval bounds must be both defined or both undefined, got [" + lower + ", " + upper + "]");
		}
		if (!lowerNaN && lower > upper) {
			throw new IllegalArgumentException("interval lower bound " + lower + " exceeds upper bound " + upper);
		}
	}

	/**
	 * Creates a defined interval.
	 * @param lower lower bound, not NaN
	 * @param upper upper bound, not NaN
	 * @param level confidence level
	 * @return the interval
	 */
	public static ConfidenceInterval of(double lower, double upper, double level) {
		if (Double.isNaN(lower) || Double.isNaN(upper)) {
			throw new IllegalArgumentException("interval bound is NaN: [" + lower + ", " + upper + "]");
		}
		return new ConfidenceInterval(lower, upper, level);
	}

	/**
	 * An interval that is not defined (R's {@code NA}).
	 * @param level confidence level
	 * @return the undefined interval
	 */
	public static ConfidenceInterval undefined(double level) {
		return new ConfidenceInterval(Double.NaN, Double.NaN, level);
	}

	/**
	 * @return whether both bounds are numbers
	 */
	public boolean isDefined() {
		return !Double.isNaN(lower);
	}

	/**
	 * @return whether {@code value} lies within the closed interval
	 */
	public boolean contains(double value) {
		return isDefined() && lower <= value && value <= upper;
	}

	/**
	 * Checks a confidence level.
	 * @param level the level
	 * @return the level
	 */
	public static double requireLevel(double level) {
		if (!(level > 0 && level < 1)) {
			throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
		}
		return level;
	}
}
