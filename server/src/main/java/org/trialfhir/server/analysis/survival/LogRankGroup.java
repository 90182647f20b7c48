package org.trialfhir.server.analysis.survival;

/**
 * Observed and expected events of one group in a log-rank test (summed over strata when
 * stratified).
 *
 * @param group group label
 * @param subjects subjects in the group
 * @param observed observed events
 * @param expected expected events under the null hypothesis of equal hazards
 */
public record LogRankGroup(String group, int subjects, double observed, double expected) {
}
