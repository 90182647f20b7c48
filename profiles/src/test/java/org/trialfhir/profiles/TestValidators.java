package org.trialfhir.profiles;

import ca.uhn.fhir.context.FhirContext;

/** One shared validator for all tests: building and warming it takes seconds. */
final class TestValidators {

	private static TrialResourceValidator trial;

	private TestValidators() {
	}

	static synchronized TrialResourceValidator trial() {
		if (trial == null) {
			trial = TrialResourceValidator.create(FhirContext.forR4Cached());
		}
		return trial;
	}

}
