package org.trialfhir.server.analysis.survival;

/**
 * Handling of tied event times in the Cox partial likelihood (R's
 * {@code coxph(ties = ...)}).
 */
public enum TieMethod {

	/** Efron (1977) approximation, R's default. */
	EFRON,
	/** Breslow (1974) approximation. */
	BRESLOW

}
