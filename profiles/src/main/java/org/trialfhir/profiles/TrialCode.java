package org.trialfhir.profiles;

/**
 * A code of the IG's terminology: system, code and display, as {@link TrialCodes}
 * enumerates them.
 */
public interface TrialCode {

	/** Canonical URL of the code system. */
	String system();

	/** The code. */
	String code();

	/** The display. */
	String display();

	/** True if {@code system} and {@code code} name this code. */
	default boolean is(String system, String code) {
		return system().equals(system) && code().equals(code);
	}

}
