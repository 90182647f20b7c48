package org.trialfhir.server.analysis.survival;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * The Kaplan–Meier curve of one group: the table of {@link KaplanMeierStep}s and the
 * summaries derived from it (median, landmark survival, restricted mean). See
 * {@link KaplanMeier} for the formulas.
 *
 * @param group group label
 * @param subjects subjects in the group
 * @param events events in the group
 * @param confidenceType interval transformation used for the pointwise intervals
 * @param confidenceLevel confidence level of the intervals
 * @param steps one step per distinct time, in time order
 */
public record KaplanMeierCurve(String group, int subjects, int events, ConfidenceType confidenceType,
		double confidenceLevel, List<KaplanMeierStep> steps) {

	/** R's tolerance for "the curve equals 0.5": {@code sqrt(.Machine$double.eps)}. */
	private static final double HALF_TOLERANCE = Math.sqrt(Math.ulp(1.0));

	/** Validates and copies the steps. */
	public KaplanMeierCurve {
		Objects.requireNonNull(group, "group");
		Objects.requireNonNull(confidenceType, "confidence type");
		steps = List.copyOf(steps);
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("Kaplan-Meier curve of group '" + group + "' has no steps");
		}
	}

	/**
	 * Median survival with confidence limits (R's {@code summary(fit)$table} median, LCL,
	 * UCL).
	 * @return the median
	 */
	public MedianSurvival median() {
		int n = steps.size();
		double[] time = new double[n];
		double[] s = new double[n];
		double[] lower = new double[n];
		double[] upper = new double[n];
		for (int i = 0; i < n; i++) {
			KaplanMeierStep step = steps.get(i);
			time[i] = step.time();
			s[i] = step.survival();
			lower[i] = step.interval().lower();
			upper[i] = step.interval().upper();
		}
		return new MedianSurvival(firstBelowHalf(s, time), firstBelowHalf(lower, time), firstBelowHalf(upper, time),
				confidenceLevel);
	}

	/** R's {@code minmin} in {@code survmean}: NaN entries are skipped. */
	private static OptionalDouble firstBelowHalf(double[] curve, double[] time) {
		int first = -1;
		for (int i = 0; i < curve.length; i++) {
			if (!Double.isNaN(curve[i]) && curve[i] < 0.5 + HALF_TOLERANCE) {
				first = i;
				break;
			}
		}
		if (first < 0) {
			return OptionalDouble.empty();
		}
		if (Math.abs(curve[first] - 0.5) < HALF_TOLERANCE) {
			for (int j = first + 1; j < curve.length; j++) {
				if (!Double.isNaN(curve[j]) && curve[j] < curve[first]) {
					return OptionalDouble.of((time[first] + time[j]) / 2);
				}
			}
		}
		return OptionalDouble.of(time[first]);
	}

	/**
	 * Survival at a landmark time (R's {@code summary(fit, times = t)}).
	 * @param time landmark, {@code >= 0} and not after the last follow-up time of the
	 * group
	 * @return survival, its standard error and interval at {@code time}
	 */
	public LandmarkSurvival survivalAt(double time) {
		if (!(time >= 0) || Double.isInfinite(time)) {
			throw new IllegalArgumentException("landmark time must be finite and >= 0, was " + time);
		}
		double last = steps.get(steps.size() - 1).time();
		if (time > last) {
			throw new IllegalArgumentException("landmark time " + time + " is after the last follow-up time " + last
					+ " of group '" + group + "'");
		}
		int atRisk = 0;
		for (KaplanMeierStep step : steps) {
			if (step.time() >= time) {
				atRisk = step.atRisk();
				break;
			}
		}
		KaplanMeierStep at = null;
		for (KaplanMeierStep step : steps) {
			if (step.time() > time) {
				break;
			}
			at = step;
		}
		if (at == null) {
			return new LandmarkSurvival(time, atRisk, 1, 0, ConfidenceInterval.of(1, 1, confidenceLevel));
		}
		return new LandmarkSurvival(time, atRisk, at.survival(), at.standardError(), at.interval());
	}

	/**
	 * Restricted mean survival time up to {@code horizon} (R's
	 * {@code print(fit, rmean = horizon)}); beyond the last time the curve is carried
	 * forward flat.
	 * @param horizon {@code tau}, not before the first time of the curve
	 * @return the restricted mean and its standard error
	 */
	public RestrictedMeanSurvival restrictedMean(double horizon) {
		if (!Double.isFinite(horizon) || horizon < 0) {
			throw new IllegalArgumentException("restricted mean horizon must be finite and >= 0, was " + horizon);
		}
		if (horizon < steps.get(0).time()) {
			throw new IllegalArgumentException("restricted mean horizon " + horizon + " is before the first time "
					+ steps.get(0).time() + " of group '" + group + "'");
		}
		int m = 0;
		while (m < steps.size() && steps.get(m).time() <= horizon) {
			m++;
		}
		// rectangles: [0, t_1] at 1, [t_{i-1}, t_i] at S(t_{i-1}), last [t_m, horizon] at
		// S(t_m)
		double[] area = new double[m + 1];
		double previousTime = 0;
		double previousSurvival = 1;
		for (int i = 0; i < m; i++) {
			KaplanMeierStep step = steps.get(i);
			area[i] = (step.time() - previousTime) * previousSurvival;
			previousTime = step.time();
			previousSurvival = step.survival();
		}
		area[m] = (horizon - previousTime) * previousSurvival;
		double mean = 0;
		for (double a : area) {
			mean += a;
		}
		double variance = 0;
		double after = 0;
		for (int i = m - 1; i >= 0; i--) {
			after += area[i + 1];
			KaplanMeierStep step = steps.get(i);
			if (step.events() > 0 && step.atRisk() > step.events()) {
				variance += after * after * step.events() / ((double) step.atRisk() * (step.atRisk() - step.events()));
			}
		}
		return new RestrictedMeanSurvival(horizon, mean, Math.sqrt(variance));
	}
}
