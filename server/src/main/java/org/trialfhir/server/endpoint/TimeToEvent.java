package org.trialfhir.server.endpoint;

/**
 * A time-to-event outcome of one subject: whole days from the origin to the event or to
 * censoring.
 *
 * @param days days from the origin, {@code >= 0}
 * @param event true if the event occurred on that day, false if censored
 */
public record TimeToEvent(int days, boolean event) {

	/** Checks the time. */
	public TimeToEvent {
		if (days < 0) {
			throw new IllegalArgumentException("time to event must be >= 0 days, was " + days);
		}
	}

	/**
	 * @param days days from the origin
	 * @return an event on that day
	 */
	public static TimeToEvent eventAt(int days) {
		return new TimeToEvent(days, true);
	}

	/**
	 * @param days days from the origin
	 * @return censored on that day
	 */
	public static TimeToEvent censoredAt(int days) {
		return new TimeToEvent(days, false);
	}

}
