package org.trialfhir.server.analysis.binary;

import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * Newcombe's (1998, method 10) hybrid score interval for a difference of independent
 * proportions {@code d = p1 - p2}: with {@code (l_i, u_i)} the Wilson score intervals of
 * each proportion, {@code L = d - sqrt((p1 - l1)^2 + (u2 - p2)^2)} and
 * {@code U = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)}. It needs no continuity correction,
 * stays within [-1, 1] and behaves well at 0 or n events.
 *
 * <p>
 * Base R has no single call for it; the reference values are computed from
 * {@code prop.test(x, n, correct = FALSE)$conf.int} of each group with the formula above
 * (see {@code analysis-reference.R}).
 */
public final class NewcombeDifferenceInterval {

	private static final NewcombeDifferenceInterval DEFAULTS = new NewcombeDifferenceInterval(
			WilsonScoreInterval.withDefaults());

	private final WilsonScoreInterval wilson;

	private NewcombeDifferenceInterval(WilsonScoreInterval wilson) {
		this.wilson = wilson;
	}

	/**
	 * @return the 95% interval
	 */
	public static NewcombeDifferenceInterval withDefaults() {
		return DEFAULTS;
	}

	/**
	 * @param confidenceLevel level in (0, 1)
	 * @return an interval with that level
	 */
	public NewcombeDifferenceInterval withConfidenceLevel(double confidenceLevel) {
		return new NewcombeDifferenceInterval(wilson.withConfidenceLevel(confidenceLevel));
	}

	/**
	 * @param successes1 successes in group 1
	 * @param trials1 subjects in group 1, at least 1
	 * @param successes2 successes in group 2
	 * @param trials2 subjects in group 2, at least 1
	 * @return {@code p1 - p2} with its interval
	 */
	public ProportionDifference difference(int successes1, int trials1, int successes2, int trials2) {
		BinomialProportion first = wilson.estimate(successes1, trials1);
		BinomialProportion second = wilson.estimate(successes2, trials2);
		double p1 = first.estimate();
		double p2 = second.estimate();
		double d = p1 - p2;
		double lower = d - Math.hypot(p1 - first.interval().lower(), second.interval().upper() - p2);
		double upper = d + Math.hypot(first.interval().upper() - p1, p2 - second.interval().lower());
		return new ProportionDifference(first, second, d,
				ConfidenceInterval.of(lower, upper, wilson.confidenceLevel()));
	}

}
