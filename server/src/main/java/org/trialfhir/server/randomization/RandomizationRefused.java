package org.trialfhir.server.randomization;

/**
 * A randomization the trial's rules forbid (study not randomized, enrollment full,
 * patient already a subject, unknown patient). Nothing has been stored.
 */
public class RandomizationRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message why, in the trial's words
	 */
	public RandomizationRefused(String message) {
		super(message);
	}

}
