/**
 * Phase I dose finding: the rule-based 3+3 design
 * ({@link org.trialfhir.server.analysis.doseescalation.ThreePlusThreeDesign}) and the
 * Bayesian optimal interval design
 * ({@link org.trialfhir.server.analysis.doseescalation.BoinDesign}) with isotonic MTD
 * selection ({@link org.trialfhir.server.analysis.doseescalation.IsotonicRegression}).
 *
 * <p>
 * Dose levels are numbered from 1 (lowest) to K (highest), as in trial protocols and R's
 * BOIN package; the data of a trial are a list of
 * {@link org.trialfhir.server.analysis.doseescalation.DoseLevelOutcome}s, element
 * {@code i} being dose level {@code i + 1}.
 */
package org.trialfhir.server.analysis.doseescalation;
