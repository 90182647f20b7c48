/**
 * Time-to-event analysis as in R's {@code survival} package: Kaplan–Meier curves with
 * Greenwood standard errors, medians and restricted means
 * ({@link org.trialfhir.server.analysis.survival.KaplanMeier}), the (stratified) log-rank
 * test ({@link org.trialfhir.server.analysis.survival.LogRankTest}) and the Cox
 * proportional hazards model
 * ({@link org.trialfhir.server.analysis.survival.CoxProportionalHazards}).
 *
 * <p>
 * Times are measured from the subject's time origin (randomization) and must be finite
 * and {@code >= 0}. At a tied time, events are counted before censorings (a subject
 * censored at {@code t} is at risk at {@code t}), as in R.
 */
package org.trialfhir.server.analysis.survival;
