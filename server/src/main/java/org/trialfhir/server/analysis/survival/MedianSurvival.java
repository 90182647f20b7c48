package org.trialfhir.server.analysis.survival;

import java.util.OptionalDouble;

/**
 * Median survival with its confidence interval, by R's {@code print.survfit} rule: the
 * median is the first time the curve is {@code <= 0.5}; if the curve equals 0.5 (within
 * {@code sqrt(machine epsilon)}) on a flat segment, it is the midpoint of that segment's
 * start and the next time the curve drops. The lower (upper) limit is the same rule
 * applied to the lower (upper) pointwise confidence curve (Brookmeyer &amp; Crowley
 * 1982). An empty value means "not reached" (R's NA).
 *
 * @param median the median, empty if the curve never reaches 0.5
 * @param lower lower confidence limit, empty if not reached
 * @param upper upper confidence limit, empty if not reached
 * @param level confidence level
 */
public record MedianSurvival(OptionalDouble median, OptionalDouble lower, OptionalDouble upper, double level) {
}
