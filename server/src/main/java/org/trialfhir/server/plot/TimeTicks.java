package org.trialfhir.server.plot;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Tick positions of the time axis: the smallest "round" step that puts at most
 * {@value #MAX_INTERVALS} intervals between 0 and the horizon. Round steps are calendar
 * steps of the time unit when they give at least {@value #MIN_INTERVALS} intervals —
 * days: 7, 14, 30, 60, 90, 120, 180, 360 (a one-year horizon of 365 days gets ticks every
 * 60 days); weeks: 4, 8, 13, 26, 52; months: 1, 2, 3, 6, 12, 24 — and otherwise
 * {@code 1, 2, 5 × 10^k}.
 *
 * @param step distance between ticks
 * @param ticks tick times from 0 up to and including the last multiple of {@code step}
 * that is {@code <= horizon}
 */
record TimeTicks(double step, List<Double> ticks) {

	/** Most intervals between ticks. */
	static final int MAX_INTERVALS = 8;

	/** Fewest intervals for which a calendar step is preferred to a decimal one. */
	static final int MIN_INTERVALS = 3;

	private static final double[] DAY_STEPS = { 7, 14, 30, 60, 90, 120, 180, 360 };

	private static final double[] WEEK_STEPS = { 4, 8, 13, 26, 52 };

	private static final double[] MONTH_STEPS = { 1, 2, 3, 6, 12, 24 };

	TimeTicks {
		ticks = List.copyOf(ticks);
	}

	/**
	 * @param horizon end of the axis, finite and {@code > 0}
	 * @param unit unit of the times
	 * @return the ticks
	 */
	static TimeTicks forHorizon(double horizon, ChronoUnit unit) {
		double step = calendarStep(horizon, unit);
		if (Double.isNaN(step)) {
			step = decimalStep(horizon);
		}
		List<Double> ticks = new ArrayList<>();
		for (int i = 0; i * step <= horizon * (1 + 1e-12); i++) {
			ticks.add(i * step);
		}
		return new TimeTicks(step, ticks);
	}

	private static double calendarStep(double horizon, ChronoUnit unit) {
		double[] steps = switch (unit) {
			case DAYS -> DAY_STEPS;
			case WEEKS -> WEEK_STEPS;
			case MONTHS -> MONTH_STEPS;
			default -> new double[0];
		};
		for (double step : steps) {
			if (fits(horizon, step)) {
				return horizon / step >= MIN_INTERVALS ? step : Double.NaN;
			}
		}
		return Double.NaN;
	}

	private static double decimalStep(double horizon) {
		double decade = Math.pow(10, Math.floor(Math.log10(horizon / MAX_INTERVALS)));
		for (int k = 0; k < 2; k++, decade *= 10) {
			for (double mantissa : new double[] { 1, 2, 5 }) {
				double step = mantissa * decade;
				if (fits(horizon, step)) {
					return step;
				}
			}
		}
		throw new IllegalStateException("no tick step for horizon " + horizon);
	}

	private static boolean fits(double horizon, double step) {
		return horizon / step <= MAX_INTERVALS * (1 + 1e-12);
	}

}
