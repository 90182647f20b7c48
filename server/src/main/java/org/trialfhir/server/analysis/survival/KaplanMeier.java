package org.trialfhir.server.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * Kaplan–Meier (product-limit) estimator of the survival function, one curve per group,
 * matching R's {@code survfit(Surv(time, event) ~ group)}.
 *
 * <p>
 * At each distinct time {@code t_i} with {@code n_i} subjects at risk and {@code d_i}
 * events, {@code S(t) = prod_{t_i <= t} (1 - d_i / n_i)} (Kaplan &amp; Meier 1958). The
 * Greenwood (1926) variance is {@code Var(-log S(t)) = sum_{t_i <= t} d_i / (n_i (n_i -
 * d_i))}; both its square root (R's {@code fit$std.err}) and the standard error of
 * {@code S} itself ({@code S} times that, R's {@code summary(fit)$std.err}) are stored.
 * Pointwise intervals use the chosen {@link ConfidenceType} (default
 * {@link ConfidenceType#LOG}, as R).
 *
 * <p>
 * Ties: a table row is produced for each distinct time at which anything happens; events
 * at a time are counted before censorings at the same time, so subjects censored at
 * {@code t} are in the risk set at {@code t}. Medians follow Brookmeyer &amp; Crowley
 * (1982) as implemented by R (see {@link MedianSurvival}); restricted means follow
 * {@code print.survfit(rmean = tau)} (see {@link RestrictedMeanSurvival}).
 *
 * <p>
 * Strata of the observations are ignored: one curve per group label, in label order.
 */
public final class KaplanMeier {

	private static final KaplanMeier DEFAULTS = new KaplanMeier(ConfidenceType.LOG, 0.95);

	private final ConfidenceType confidenceType;

	private final double confidenceLevel;

	private KaplanMeier(ConfidenceType confidenceType, double confidenceLevel) {
		this.confidenceType = confidenceType;
		this.confidenceLevel = confidenceLevel;
	}

	/**
	 * @return the estimator with log-transformed 95% intervals (R's defaults)
	 */
	public static KaplanMeier withDefaults() {
		return DEFAULTS;
	}

	/**
	 * @param type interval transformation
	 * @return an estimator with that transformation
	 */
	public KaplanMeier with(ConfidenceType type) {
		return new KaplanMeier(Objects.requireNonNull(type, "confidence type"), confidenceLevel);
	}

	/**
	 * @param level confidence level in (0, 1)
	 * @return an estimator with that level
	 */
	public KaplanMeier withConfidenceLevel(double level) {
		return new KaplanMeier(confidenceType, ConfidenceInterval.requireLevel(level));
	}

	/**
	 * @return the interval transformation
	 */
	public ConfidenceType confidenceType() {
		return confidenceType;
	}

	/**
	 * @return the confidence level
	 */
	public double confidenceLevel() {
		return confidenceLevel;
	}

	/**
	 * Estimates one curve per group.
	 * @param observations at least one observation
	 * @return the curves in group-label order
	 */
	public List<KaplanMeierCurve> estimate(List<SurvivalObservation> observations) {
		Objects.requireNonNull(observations, "observations");
		if (observations.isEmpty()) {
			throw new IllegalArgumentException("no observations: Kaplan-Meier needs at least one subject");
		}
		LabelIndex groups = LabelIndex.of(observations, SurvivalObservation::group);
		int n = observations.size();
		double[] time = new double[n];
		boolean[] event = new boolean[n];
		for (int i = 0; i < n; i++) {
			SurvivalObservation o = Objects.requireNonNull(observations.get(i), "observation");
			time[i] = o.time();
			event[i] = o.event();
		}
		int[] order = SortedIndex.order(groups.indexOf(), time, event);
		List<KaplanMeierCurve> curves = new ArrayList<>(groups.labels().size());
		int start = 0;
		while (start < n) {
			int g = groups.indexOf()[order[start]];
			int end = start;
			while (end < n && groups.indexOf()[order[end]] == g) {
				end++;
			}
			curves.add(curve(groups.labels().get(g), order, start, end, time, event));
			start = end;
		}
		return List.copyOf(curves);
	}

	private KaplanMeierCurve curve(String group, int[] order, int start, int end, double[] time, boolean[] event) {
		double z = zValue(confidenceLevel);
		List<KaplanMeierStep> steps = new ArrayList<>();
		int atRisk = end - start;
		int totalEvents = 0;
		double survival = 1;
		double greenwood = 0;
		int i = start;
		while (i < end) {
			double t = time[order[i]];
			int events = 0;
			int censored = 0;
			while (i < end && time[order[i]] == t) {
				if (event[order[i]]) {
					events++;
				}
				else {
					censored++;
				}
				i++;
			}
			if (events > 0) {
				survival *= 1 - (double) events / atRisk;
				greenwood += atRisk == events ? Double.POSITIVE_INFINITY
						: (double) events / ((double) atRisk * (atRisk - events));
			}
			double sigma = Math.sqrt(greenwood);
			steps.add(new KaplanMeierStep(t, atRisk, events, censored, survival, survival * sigma, sigma,
					interval(confidenceType, z, confidenceLevel, survival, sigma)));
			totalEvents += events;
			atRisk -= events + censored;
		}
		return new KaplanMeierCurve(group, end - start, totalEvents, confidenceType, confidenceLevel, steps);
	}

	static double zValue(double level) {
		return NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
	}

	/**
	 * Pointwise interval exactly as R's {@code survfit_confint}: undefined (NA) for LOG
	 * at S = 0 and for LOG_LOG at S = 0 or S = 1; NaN standard errors (S = 0) give an
	 * undefined PLAIN interval.
	 */
	static ConfidenceInterval interval(ConfidenceType type, double z, double level, double s, double sigma) {
		double lower;
		double upper;
		switch (type) {
			case PLAIN -> {
				double half = sigma * s * z;
				if (Double.isNaN(half)) {
					return ConfidenceInterval.undefined(level);
				}
				lower = Math.max(s - half, 0);
				upper = Math.min(s + half, 1);
			}
			case LOG -> {
				if (s == 0) {
					return ConfidenceInterval.undefined(level);
				}
				lower = Math.exp(Math.log(s) - z * sigma);
				upper = Math.min(Math.exp(Math.log(s) + z * sigma), 1);
			}
			case LOG_LOG -> {
				if (s == 0 || s == 1) {
					return ConfidenceInterval.undefined(level);
				}
				double loglog = Math.log(-Math.log(s));
				double half = z * sigma / Math.log(s);
				lower = Math.exp(-Math.exp(loglog - half));
				upper = Math.exp(-Math.exp(loglog + half));
			}
			default -> throw new IllegalStateException("unknown confidence type " + type);
		}
		return ConfidenceInterval.of(lower, upper, level);
	}

}
