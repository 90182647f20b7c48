package org.trialfhir.server.plot;

import java.util.Objects;

import org.trialfhir.server.analysis.ConfidenceInterval;
import org.trialfhir.server.analysis.survival.CoxCoefficient;
import org.trialfhir.server.analysis.survival.LogRankResult;

/**
 * The between-arm comparison printed in the legend of a Kaplan–Meier plot: the Cox hazard
 * ratio with its confidence interval and the log-rank p-value.
 *
 * @param description what is compared, e.g. {@code "RAK vs control"} (may be empty)
 * @param hazardRatio hazard ratio, finite and {@code > 0}
 * @param hazardRatioInterval confidence interval of the hazard ratio
 * @param logRankPValue log-rank p-value in [0, 1]
 */
public record TreatmentComparison(String description, double hazardRatio, ConfidenceInterval hazardRatioInterval,
		double logRankPValue) {

	/** Validates the components. */
	public TreatmentComparison {
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(hazardRatioInterval, "hazard ratio interval");
		if (!(hazardRatio > 0) || Double.isInfinite(hazardRatio)) {
			throw new IllegalArgumentException("hazard ratio must be finite and > 0, was " + hazardRatio);
		}
		if (!(logRankPValue >= 0 && logRankPValue <= 1)) {
			throw new IllegalArgumentException("log-rank p-value must be in [0, 1], was " + logRankPValue);
		}
	}

	/**
	 * The comparison from a fitted treatment coefficient and a log-rank test.
	 * @param description what is compared
	 * @param treatment the Cox coefficient of the treatment indicator
	 * @param logRank the log-rank test of the same data
	 * @return the comparison
	 */
	public static TreatmentComparison of(String description, CoxCoefficient treatment, LogRankResult logRank) {
		return new TreatmentComparison(description, treatment.hazardRatio(), treatment.hazardRatioInterval(),
				logRank.test().pValue());
	}

}
