package org.trialfhir.server.analysis.binary;

import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * Result of Fisher's exact test on a 2 x 2 table.
 *
 * @param table the table
 * @param pValue two-sided p-value
 * @param oddsRatio conditional maximum-likelihood odds ratio (0 or
 * {@link Double#POSITIVE_INFINITY} at the edges of the support, as R)
 * @param oddsRatioInterval exact conditional interval of the odds ratio (lower 0 or upper
 * infinite at the edges)
 */
public record FisherExactResult(TwoByTwoTable table, double pValue, double oddsRatio,
		ConfidenceInterval oddsRatioInterval) {
}
