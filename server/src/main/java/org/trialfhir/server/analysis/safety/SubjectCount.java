package org.trialfhir.server.analysis.safety;

import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * Number of subjects with a characteristic, out of the subjects at risk, with the exact
 * interval.
 *
 * @param subjects subjects with the characteristic
 * @param atRisk denominator: subjects at risk (treated) in the group
 * @param proportion {@code subjects / atRisk}
 * @param interval Clopper–Pearson interval of the proportion
 */
public record SubjectCount(int subjects, int atRisk, double proportion, ConfidenceInterval interval) {
}
