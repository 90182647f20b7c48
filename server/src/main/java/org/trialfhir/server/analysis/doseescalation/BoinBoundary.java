package org.trialfhir.server.analysis.doseescalation;

import java.util.OptionalInt;

/**
 * BOIN decision boundaries for {@code n} patients at a dose (one column of BOIN's
 * {@code get.boundary} table).
 *
 * @param treated number of patients treated at the dose
 * @param escalateAtMost escalate if the number of DLTs is at most this
 * ({@code floor(lambda_e n)})
 * @param deescalateAtLeast de-escalate if the number of DLTs is at least this
 * ({@code ceil(lambda_d n)}, capped at the elimination boundary)
 * @param eliminateAtLeast eliminate the dose if the number of DLTs is at least this;
 * empty if no count eliminates (fewer than 3 patients, or never reached)
 */
public record BoinBoundary(int treated, int escalateAtMost, int deescalateAtLeast, OptionalInt eliminateAtLeast) {
}
