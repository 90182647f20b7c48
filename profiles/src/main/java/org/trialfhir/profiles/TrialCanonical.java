package org.trialfhir.profiles;

/**
 * Canonical URLs of the TrialFHIR implementation guide. This module is the only place where the IG's canonical URLs and
 * codes are spelled out; everything else refers to these constants.
 */
public final class TrialCanonical {

	/** Canonical base of every TrialFHIR conformance resource. */
	public static final String BASE = "http://trialfhir.org/fhir";

	/** NPM package id of the implementation guide. */
	public static final String IG_PACKAGE_ID = "org.trialfhir.ig";

	private TrialCanonical() {
	}

}
