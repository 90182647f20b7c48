package org.trialfhir.server.dosefinding;

import java.util.OptionalDouble;

import org.trialfhir.server.analysis.doseescalation.DoseLevelOutcome;

/**
 * Counts at one dose level as of the cut-off.
 *
 * @param level the protocol's dose level
 * @param treated subjects whose first dose is on or before the cut-off
 * @param dltEvaluable treated subjects who had a DLT or completed the DLT window
 * @param dlts subjects with a DLT within the window, onset on or before the cut-off
 * @param isotonicEstimate isotonic-regression DLT-rate estimate (empty when the level is
 * untreated, eliminated, or the protocol states no target rate)
 */
public record DoseLevelTally(ProtocolDoseLevel level, int treated, int dltEvaluable, int dlts,
		OptionalDouble isotonicEstimate) {

	/**
	 * @return treated subjects still within their DLT window without a DLT
	 */
	public int pending() {
		return treated - dltEvaluable;
	}

	/**
	 * @return the evaluable outcome the designs decide on
	 */
	public DoseLevelOutcome outcome() {
		return new DoseLevelOutcome(dltEvaluable, dlts);
	}

}
