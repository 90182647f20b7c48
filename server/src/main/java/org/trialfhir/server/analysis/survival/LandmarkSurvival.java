package org.trialfhir.server.analysis.survival;

import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * Survival at a landmark time, as R's {@code summary(fit, times = t)}: the Kaplan–Meier
 * step at the last time {@code <= t}, or {@code S = 1} with standard error 0 before the
 * first time.
 *
 * @param time the landmark time
 * @param atRisk subjects with follow-up {@code >= time}
 * @param survival {@code S(time)}
 * @param standardError Greenwood standard error of {@code S(time)}
 * @param interval pointwise confidence interval
 */
public record LandmarkSurvival(double time, int atRisk, double survival, double standardError,
		ConfidenceInterval interval) {
}
