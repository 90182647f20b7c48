package org.trialfhir.server.analysis.binary;

import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * Difference of two proportions {@code p1 - p2} with a confidence interval.
 *
 * @param first first group's proportion (with its Wilson interval)
 * @param second second group's proportion (with its Wilson interval)
 * @param difference {@code p1 - p2}
 * @param interval interval for the difference
 */
public record ProportionDifference(BinomialProportion first, BinomialProportion second, double difference,
		ConfidenceInterval interval) {
}
