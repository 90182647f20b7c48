package org.trialfhir.server.analysis.survival;

import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * One row of a Kaplan–Meier table, at a distinct event or censoring time (as the rows of
 * R's {@code survfit}).
 *
 * @param time the distinct time
 * @param atRisk subjects at risk just before {@code time} (time {@code >=} this time)
 * @param events events at {@code time}
 * @param censored censorings at {@code time}
 * @param survival Kaplan–Meier estimate {@code S(time)}
 * @param standardError Greenwood standard error of {@code S} (R's
 * {@code summary(fit)$std.err}); NaN where R gives NaN, i.e. once {@code S = 0}
 * @param logSurvivalStandardError Greenwood standard error of {@code -log S},
 * {@code sqrt(sum d/(n(n-d)))} (R's {@code fit$std.err});
 * {@link Double#POSITIVE_INFINITY} once every subject at risk had the event
 * @param interval pointwise confidence interval for {@code S(time)};
 * {@linkplain ConfidenceInterval#isDefined() undefined} where R gives NA
 */
public record KaplanMeierStep(double time, int atRisk, int events, int censored, double survival, double standardError,
		double logSurvivalStandardError, ConfidenceInterval interval) {
}
