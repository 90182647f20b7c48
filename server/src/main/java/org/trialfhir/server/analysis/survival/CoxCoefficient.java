package org.trialfhir.server.analysis.survival;

import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * One estimated Cox regression coefficient.
 *
 * @param covariate covariate name
 * @param coefficient log hazard ratio {@code beta}
 * @param standardError {@code sqrt} of the diagonal of the inverse information
 * @param hazardRatio {@code exp(beta)}
 * @param hazardRatioInterval {@code exp(beta ± z se)}
 * @param z Wald statistic {@code beta / se}
 * @param pValue two-sided Wald p-value
 */
public record CoxCoefficient(String covariate, double coefficient, double standardError, double hazardRatio,
		ConfidenceInterval hazardRatioInterval, double z, double pValue) {
}
