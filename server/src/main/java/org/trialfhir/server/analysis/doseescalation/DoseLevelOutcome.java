package org.trialfhir.server.analysis.doseescalation;

/**
 * Cumulative outcome at one dose level: patients evaluable for DLT and patients with a
 * dose-limiting toxicity.
 *
 * @param treated patients treated and evaluable, {@code >= 0}
 * @param toxicities patients with a DLT, in {@code [0, treated]}
 */
public record DoseLevelOutcome(int treated, int toxicities) {

	/** Validates the counts. */
	public DoseLevelOutcome {
		if (treated < 0) {
			throw new IllegalArgumentException("number treated must be >= 0, was " + treated);
		}
		if (toxicities < 0 || toxicities > treated) {
			throw new IllegalArgumentException("number of DLTs must be in [0, " + treated + "], was " + toxicities);
		}
	}

	/**
	 * @return an untreated dose level
	 */
	public static DoseLevelOutcome untreated() {
		return new DoseLevelOutcome(0, 0);
	}
}
