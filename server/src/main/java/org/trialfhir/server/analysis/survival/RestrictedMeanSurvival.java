package org.trialfhir.server.analysis.survival;

/**
 * Restricted mean survival time up to a horizon {@code tau}: the area under the
 * Kaplan–Meier curve on {@code [0, tau]}, with the standard error R's
 * {@code print(fit, rmean = tau)} reports,
 * {@code se^2 = sum_i A_i^2 d_i / (n_i (n_i - d_i))} over event times {@code t_i <= tau},
 * where {@code A_i} is the area under the curve between {@code t_i} and {@code tau}
 * (terms with {@code n_i = d_i} are 0).
 *
 * @param horizon the horizon {@code tau}
 * @param mean the restricted mean
 * @param standardError its standard error
 */
public record RestrictedMeanSurvival(double horizon, double mean, double standardError) {
}
