package org.trialfhir.server.analysis.binary;

import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * A proportion {@code successes / trials} with a confidence interval.
 *
 * @param successes number of successes (responders, subjects with the event)
 * @param trials denominator
 * @param estimate {@code successes / trials}
 * @param interval confidence interval
 */
public record BinomialProportion(int successes, int trials, double estimate, ConfidenceInterval interval) {

	/**
	 * Validates a count and its denominator.
	 * @param successes successes
	 * @param trials trials
	 */
	static void requireCounts(int successes, int trials) {
		if (trials < 1) {
			throw new IllegalArgumentException("denominator must be >= 1 (empty group?), was " + trials);
		}
		if (successes < 0 || successes > trials) {
			throw new IllegalArgumentException("count must be in [0, " + trials + "], was " + successes);
		}
	}
}
