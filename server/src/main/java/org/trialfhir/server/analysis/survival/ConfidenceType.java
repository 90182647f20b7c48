package org.trialfhir.server.analysis.survival;

/**
 * Transformation for pointwise Kaplan–Meier confidence intervals, as R's
 * {@code survfit(conf.type = ...)}. With {@code z} the normal quantile and {@code sigma}
 * the Greenwood standard error of {@code -log S}:
 * <ul>
 * <li>{@link #PLAIN}: {@code S ± z S sigma}, clipped to [0, 1];</li>
 * <li>{@link #LOG} (R's default): {@code exp(log S ± z sigma)}, upper bound capped at 1;
 * undefined when S = 0;</li>
 * <li>{@link #LOG_LOG}: {@code exp(-exp(log(-log S) ∓ z sigma / log S))}; undefined when
 * S = 0 or S = 1.</li>
 * </ul>
 */
public enum ConfidenceType {

	/** Linear interval. */
	PLAIN,
	/** Interval on the log scale (R's default). */
	LOG,
	/** Interval on the complementary log-log scale. */
	LOG_LOG

}
