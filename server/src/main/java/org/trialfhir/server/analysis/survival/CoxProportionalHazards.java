package org.trialfhir.server.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.trialfhir.server.analysis.ChiSquareTest;
import org.trialfhir.server.analysis.ConfidenceInterval;
import org.trialfhir.server.analysis.SymmetricMatrix;

/**
 * Cox (1972) proportional hazards regression by maximum partial likelihood, matching R's
 * {@code coxph(Surv(time, event) ~ x1 + ... [+ strata(s)], ties = "efron" | "breslow")}.
 *
 * <p>
 * For a distinct event time with {@code d} tied events (set {@code D}) and risk set
 * {@code R} (subjects with time {@code >=} it, in the same stratum), the log partial
 * likelihood contribution is {@code sum_{i in D} eta_i - sum_{m=0}^{d-1} log(S0 - f_m
 * D0)} with {@code eta = x' beta}, {@code S0 = sum_R exp(eta)},
 * {@code D0 = sum_D exp(eta)} and {@code f_m = m / d} for Efron (1977) or {@code f_m = 0}
 * for Breslow (1974); score and information follow from the analogous first and second
 * moment sums. Strata have separate risk sets. Covariates are centred at their means (as
 * R; the estimates do not change).
 *
 * <p>
 * Fitting: Newton–Raphson from {@code beta = 0}, halving the step while the log
 * likelihood decreases; it stops when the step is below {@code 1e-10 (1 + |beta|)} in
 * every coordinate or the log likelihood no longer changes (relative {@code 1e-13}).
 * Subjects are sorted once (O(n log n)); each iteration is one O(n p^2) pass over the
 * cumulative risk-set sums from the last time backwards.
 *
 * <p>
 * Tests: Wald {@code beta' I(beta) beta}; score {@code U(0)' I(0)^-1 U(0)} (for a single
 * group indicator with Breslow ties it is the log-rank statistic); likelihood ratio
 * {@code 2 (l(beta) - l(0))}; each on {@code p} degrees of freedom.
 *
 * <p>
 * Throws {@link IllegalArgumentException} if there are no events, the information matrix
 * is singular (e.g. a constant covariate), the fit does not converge, or a coefficient
 * diverges (monotone likelihood, e.g. a group without events; R instead warns "Loglik
 * converged before variable ... coefficient may be infinite").
 */
public final class CoxProportionalHazards {

	private static final CoxProportionalHazards DEFAULTS = new CoxProportionalHazards(TieMethod.EFRON, 0.95, 30);

	private final TieMethod ties;

	private final double confidenceLevel;

	private final int maxIterations;

	private CoxProportionalHazards(TieMethod ties, double confidenceLevel, int maxIterations) {
		this.ties = ties;
		this.confidenceLevel = confidenceLevel;
		this.maxIterations = maxIterations;
	}

	/**
	 * @return Efron ties, 95% hazard-ratio intervals, at most 30 Newton–Raphson
	 * iterations
	 */
	public static CoxProportionalHazards withDefaults() {
		return DEFAULTS;
	}

	/**
	 * @param method tie handling
	 * @return a model with that tie handling
	 */
	public CoxProportionalHazards with(TieMethod method) {
		return new CoxProportionalHazards(Objects.requireNonNull(method, "tie method"), confidenceLevel, maxIterations);
	}

	/**
	 * @param level confidence level of the hazard-ratio intervals
	 * @return a model with that level
	 */
	public CoxProportionalHazards withConfidenceLevel(double level) {
		return new CoxProportionalHazards(ties, ConfidenceInterval.requireLevel(level), maxIterations);
	}

	/**
	 * @param iterations maximum Newton–Raphson iterations, at least 1
	 * @return a model with that limit
	 */
	public CoxProportionalHazards withMaxIterations(int iterations) {
		if (iterations < 1) {
			throw new IllegalArgumentException("maximum iterations must be >= 1, was " + iterations);
		}
		return new CoxProportionalHazards(ties, confidenceLevel, iterations);
	}

	/**
	 * Fits the model.
	 * @param data design
	 * @return the fitted model
	 */
	public CoxModel fit(CoxData data) {
		Objects.requireNonNull(data, "data");
		Design design = Design.of(data);
		if (design.events == 0) {
			throw new IllegalArgumentException("Cox model needs at least one event, none observed");
		}
		int p = design.p;
		double[] beta = new double[p];
		Evaluation current = design.evaluate(beta, ties);
		double logLikelihoodNull = current.logLikelihood;
		SymmetricMatrix information = information(current, data);
		double scoreStatistic = information.inverseQuadraticForm(current.score);
		int iterations = 0;
		boolean converged = false;
		double[] step = new double[p];
		while (iterations < maxIterations && !converged) {
			iterations++;
			step = information.solve(current.score);
			double[] candidate = add(beta, step, 1);
			Evaluation next = design.evaluate(candidate, ties);
			double scale = 1;
			for (int halving = 0; halving < 60 && worse(next.logLikelihood, current.logLikelihood); halving++) {
				scale /= 2;
				candidate = add(beta, step, scale);
				next = design.evaluate(candidate, ties);
			}
			boolean smallStep = true;
			for (int j = 0; j < p; j++) {
				smallStep &= Math.abs(candidate[j] - beta[j]) <= 1e-10 * (1 + Math.abs(candidate[j]));
			}
			boolean flat = Math.abs(next.logLikelihood - current.logLikelihood) <= 1e-13
					* (1 + Math.abs(next.logLikelihood));
			beta = candidate;
			current = next;
			information = information(current, data);
			converged = smallStep || flat;
		}
		if (!converged) {
			throw new IllegalArgumentException("Cox model did not converge in " + maxIterations + " iterations");
		}
		double[] remaining = information.solve(current.score);
		for (int j = 0; j < p; j++) {
			if (Math.abs(remaining[j]) > 1e-6 && Math.abs(remaining[j]) > 1e-4 * Math.abs(beta[j])) {
				throw new IllegalArgumentException("coefficient of '" + data.covariateNames().get(j)
						+ "' diverges (monotone likelihood, e.g. no events in one group): estimate would be infinite");
			}
		}
		return summarize(data, design, beta, current, information, logLikelihoodNull, scoreStatistic, iterations);
	}

	private CoxModel summarize(CoxData data, Design design, double[] beta, Evaluation at, SymmetricMatrix information,
			double logLikelihoodNull, double scoreStatistic, int iterations) {
		int p = beta.length;
		double[][] covariance = information.inverse();
		double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidenceLevel) / 2);
		NormalDistribution standardNormal = NormalDistribution.of(0, 1);
		List<CoxCoefficient> coefficients = new ArrayList<>(p);
		for (int j = 0; j < p; j++) {
			double se = Math.sqrt(covariance[j][j]);
			double wald = beta[j] / se;
			coefficients.add(new CoxCoefficient(data.covariateNames().get(j), beta[j], se, Math.exp(beta[j]),
					ConfidenceInterval.of(Math.exp(beta[j] - z * se), Math.exp(beta[j] + z * se), confidenceLevel),
					wald, 2 * standardNormal.survivalProbability(Math.abs(wald))));
		}
		double waldStatistic = quadraticForm(at.information, beta);
		double lr = 2 * (at.logLikelihood - logLikelihoodNull);
		return new CoxModel(ties, coefficients, covariance, logLikelihoodNull, at.logLikelihood,
				ChiSquareTest.of(waldStatistic, p), ChiSquareTest.of(scoreStatistic, p), ChiSquareTest.of(lr, p),
				design.n, design.events, iterations);
	}

	private static SymmetricMatrix information(Evaluation e, CoxData data) {
		return SymmetricMatrix.of(e.information,
				"Cox information matrix (is a covariate constant or collinear? " + data.covariateNames() + ")");
	}

	private static boolean worse(double next, double current) {
		return Double.isNaN(next) || next < current - 1e-12 * (1 + Math.abs(current));
	}

	private static double[] add(double[] beta, double[] step, double scale) {
		double[] r = new double[beta.length];
		for (int j = 0; j < beta.length; j++) {
			r[j] = beta[j] + scale * step[j];
		}
		return r;
	}

	private static double quadraticForm(double[][] m, double[] v) {
		double s = 0;
		for (int i = 0; i < v.length; i++) {
			for (int j = 0; j < v.length; j++) {
				s += v[i] * m[i][j] * v[j];
			}
		}
		return s;
	}

	/** Log likelihood, score and information at one beta. */
	private record Evaluation(double logLikelihood, double[] score, double[][] information) {
	}

	/**
	 * Subjects sorted by (stratum, time), covariates centred and laid out row-major in
	 * that order.
	 */
	private static final class Design {

		private final int n;

		private final int p;

		private final int events;

		private final double[] time;

		private final boolean[] event;

		private final int[] stratum;

		private final double[] x;

		private Design(int n, int p, int events, double[] time, boolean[] event, int[] stratum, double[] x) {
			this.n = n;
			this.p = p;
			this.events = events;
			this.time = time;
			this.event = event;
			this.stratum = stratum;
			this.x = x;
		}

		static Design of(CoxData data) {
			List<CoxSubject> subjects = data.subjects();
			int n = subjects.size();
			int p = data.covariateNames().size();
			double[] t = new double[n];
			boolean[] e = new boolean[n];
			double[] mean = new double[p];
			for (int i = 0; i < n; i++) {
				CoxSubject s = subjects.get(i);
				t[i] = s.time();
				e[i] = s.event();
				for (int j = 0; j < p; j++) {
					mean[j] += s.covariate(j) / n;
				}
			}
			int[] strata = LabelIndex.of(subjects, CoxSubject::stratum).indexOf();
			int[] order = SortedIndex.order(strata, t, e);
			double[] sortedTime = new double[n];
			boolean[] sortedEvent = new boolean[n];
			int[] sortedStratum = new int[n];
			double[] x = new double[n * p];
			int events = 0;
			for (int r = 0; r < n; r++) {
				int i = order[r];
				sortedTime[r] = t[i];
				sortedEvent[r] = e[i];
				sortedStratum[r] = strata[i];
				events += e[i] ? 1 : 0;
				CoxSubject s = subjects.get(i);
				for (int j = 0; j < p; j++) {
					x[r * p + j] = s.covariate(j) - mean[j];
				}
			}
			return new Design(n, p, events, sortedTime, sortedEvent, sortedStratum, x);
		}

		Evaluation evaluate(double[] beta, TieMethod ties) {
			double logLikelihood = 0;
			double[] score = new double[p];
			double[][] info = new double[p][p];
			double[] s1 = new double[p];
			double[][] s2 = new double[p][p];
			double[] d1 = new double[p];
			double[][] d2 = new double[p][p];
			double[] a = new double[p];
			double s0 = 0;
			int i = n - 1;
			while (i >= 0) {
				int block = stratum[i];
				double t = time[i];
				if (i == n - 1 || stratum[i + 1] != block) {
					s0 = 0;
					clear(s1, s2);
				}
				double d0 = 0;
				int deaths = 0;
				clear(d1, d2);
				while (i >= 0 && stratum[i] == block && time[i] == t) {
					int row = i * p;
					double eta = 0;
					for (int j = 0; j < p; j++) {
						eta += beta[j] * x[row + j];
					}
					double risk = Math.exp(eta);
					s0 += risk;
					accumulate(s1, s2, x, row, risk);
					if (event[i]) {
						deaths++;
						d0 += risk;
						accumulate(d1, d2, x, row, risk);
						logLikelihood += eta;
						for (int j = 0; j < p; j++) {
							score[j] += x[row + j];
						}
					}
					i--;
				}
				for (int m = 0; m < deaths; m++) {
					double f = ties == TieMethod.EFRON ? (double) m / deaths : 0;
					double denominator = s0 - f * d0;
					logLikelihood -= Math.log(denominator);
					for (int j = 0; j < p; j++) {
						a[j] = (s1[j] - f * d1[j]) / denominator;
						score[j] -= a[j];
					}
					for (int j = 0; j < p; j++) {
						for (int k = 0; k <= j; k++) {
							info[j][k] += (s2[j][k] - f * d2[j][k]) / denominator - a[j] * a[k];
						}
					}
				}
			}
			for (int j = 0; j < p; j++) {
				for (int k = 0; k < j; k++) {
					info[k][j] = info[j][k];
				}
			}
			return new Evaluation(logLikelihood, score, info);
		}

		private static void accumulate(double[] v, double[][] m, double[] x, int row, double w) {
			int p = v.length;
			for (int j = 0; j < p; j++) {
				double wx = w * x[row + j];
				v[j] += wx;
				for (int k = 0; k <= j; k++) {
					m[j][k] += wx * x[row + k];
				}
			}
		}

		private static void clear(double[] v, double[][] m) {
			java.util.Arrays.fill(v, 0);
			for (double[] r : m) {
				java.util.Arrays.fill(r, 0);
			}
		}

	}

}
