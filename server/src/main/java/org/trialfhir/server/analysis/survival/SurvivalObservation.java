package org.trialfhir.server.analysis.survival;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One subject's follow-up: time from origin to event or censoring, whether the event
 * occurred, the randomized group (arm) and an optional stratum.
 *
 * @param time follow-up time from the time origin, finite and {@code >= 0}
 * @param event {@code true} if the event was observed at {@code time}, {@code false} if
 * censored
 * @param group group (arm) label, not blank
 * @param stratum stratum label, not blank; {@link #NO_STRATUM} when the analysis is not
 * stratified
 */
public record SurvivalObservation(double time, boolean event, String group, String stratum) {

	/** Stratum label used when no stratum is given. */
	public static final String NO_STRATUM = "(none)";

	/** Validates the components. */
	public SurvivalObservation {
		if (Double.isNaN(time)) {
			throw new IllegalArgumentException("survival time is NaN");
		}
		if (Double.isInfinite(time)) {
			throw new IllegalArgumentException("survival time must be finite, was " + time);
		}
		if (time < 0) {
			throw new IllegalArgumentException(
					"survival time must be >= 0 (event or censoring before the time origin), was " + time);
		}
		requireLabel(group, "group");
		requireLabel(stratum, "stratum");
	}

	/**
	 * An unstratified observation.
	 * @param time follow-up time
	 * @param event whether the event was observed
	 * @param group group label
	 * @return the observation
	 */
	public static SurvivalObservation of(double time, boolean event, String group) {
		return new SurvivalObservation(time, event, group, NO_STRATUM);
	}

	/**
	 * An observation from calendar dates, with time in days.
	 * @param origin time origin (e.g. randomization date)
	 * @param end date of event or censoring, not before {@code origin}
	 * @param event whether the event was observed on {@code end}
	 * @param group group label
	 * @param stratum stratum label
	 * @return the observation
	 */
	public static SurvivalObservation fromDates(LocalDate origin, LocalDate end, boolean event, String group,
			String stratum) {
		Objects.requireNonNull(origin, "origin");
		Objects.requireNonNull(end, "end");
		if (end.isBefore(origin)) {
			throw new IllegalArgumentException(
					(event ? "event" : "censoring") + " date " + end + " is before the time origin " + origin);
		}
		return new SurvivalObservation(ChronoUnit.DAYS.between(origin, end), event, group, stratum);
	}

	private static void requireLabel(String label, String what) {
		if (label == null || label.isBlank()) {
			throw new IllegalArgumentException(what + " label must not be null or blank");
		}
	}
}
