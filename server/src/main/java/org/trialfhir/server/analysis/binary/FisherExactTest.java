package org.trialfhir.server.analysis.binary;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.trialfhir.server.analysis.ConfidenceInterval;

/**
 * Fisher's exact test of independence in a 2 x 2 table, two-sided, as R's
 * {@code fisher.test}.
 *
 * <p>
 * Conditioning on the margins, the count {@code a} is hypergeometric with population
 * {@code a+b+c+d}, {@code a+c} successes and {@code a+b} draws. The two-sided p-value
 * sums the probabilities of all tables whose probability is at most
 * {@code P(observed) (1 + 1e-7)} (R's relative tolerance, so that tables equally likely
 * as the observed one up to rounding are included).
 *
 * <p>
 * The conditional maximum-likelihood odds ratio solves {@code E[a; psi] = a} under the
 * noncentral hypergeometric distribution; it is 0 when {@code a} is the smallest possible
 * value and infinite when it is the largest. Its exact conditional interval (Cornfield
 * 1956) is {@code [psi_L, psi_U]} with {@code P(A >= a; psi_L) = alpha/2} (0 if {@code a}
 * is the smallest value) and {@code P(A <= a; psi_U) = alpha/2} (infinite if {@code a} is
 * the largest). All three are solved by bisection on {@code log psi} to machine
 * precision. R's {@code fisher.test} solves the same equations with {@code uniroot}'s
 * default tolerance ({@code 1.2e-4} on the scale {@code psi} or {@code 1/psi} in (0, 1)),
 * so its estimate and especially its interval limits can differ from these in the 3rd to
 * 5th significant digit; the tests compare with R's equations solved precisely (and with
 * {@code fisher.test}'s output at 1%).
 */
public final class FisherExactTest {

	private static final FisherExactTest DEFAULTS = new FisherExactTest(0.95);

	private static final double RELATIVE_ERROR = 1 + 1e-7;

	private final double level;

	private FisherExactTest(double level) {
		this.level = level;
	}

	/**
	 * @return the two-sided test with a 95% odds-ratio interval
	 */
	public static FisherExactTest withDefaults() {
		return DEFAULTS;
	}

	/**
	 * @param confidenceLevel level of the odds-ratio interval
	 * @return the test with that level
	 */
	public FisherExactTest withConfidenceLevel(double confidenceLevel) {
		return new FisherExactTest(ConfidenceInterval.requireLevel(confidenceLevel));
	}

	/**
	 * @param table the table
	 * @return p-value and conditional MLE odds ratio
	 */
	public FisherExactResult test(TwoByTwoTable table) {
		Objects.requireNonNull(table, "table");
		Support s = Support.of(table);
		double[] density = s.density();
		double observed = density[table.a() - s.low];
		double p = 0;
		for (double d : density) {
			if (d <= observed * RELATIVE_ERROR) {
				p += d;
			}
		}
		int x = table.a();
		double alpha = (1 - level) / 2;
		double estimate = x == s.low ? 0
				: x == s.high ? Double.POSITIVE_INFINITY : solveIncreasing(psi -> s.mean(psi), x);
		double lower = x == s.low ? 0 : solveIncreasing(psi -> s.upperTail(psi, x), alpha);
		double upper = x == s.high ? Double.POSITIVE_INFINITY : solveIncreasing(psi -> -s.lowerTail(psi, x), -alpha);
		return new FisherExactResult(table, Math.min(1, p), estimate, ConfidenceInterval.of(lower, upper, level));
	}

	/**
	 * Solves {@code f(log psi) = target} for {@code f} increasing in {@code log psi};
	 * returns {@code psi}.
	 */
	private static double solveIncreasing(DoubleUnaryOperator f, double target) {
		double lo = -1;
		double hi = 1;
		while (f.applyAsDouble(lo) > target && lo > -1e3) {
			lo *= 2;
		}
		while (f.applyAsDouble(hi) < target && hi < 1e3) {
			hi *= 2;
		}
		for (int i = 0; i < 300 && hi - lo > 4 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))); i++) {
			double mid = (lo + hi) / 2;
			if (f.applyAsDouble(mid) < target) {
				lo = mid;
			}
			else {
				hi = mid;
			}
		}
		return Math.exp((lo + hi) / 2);
	}

	/**
	 * Support {@code [low, high]} of {@code a} given the margins, with log central
	 * densities.
	 */
	private static final class Support {

		private final int low;

		private final int high;

		private final double[] logDensity;

		private Support(int low, int high, double[] logDensity) {
			this.low = low;
			this.high = high;
			this.logDensity = logDensity;
		}

		static Support of(TwoByTwoTable t) {
			int m = t.a() + t.c();
			int n = t.b() + t.d();
			int k = t.a() + t.b();
			HypergeometricDistribution h = HypergeometricDistribution.of(m + n, m, k);
			int low = Math.max(0, k - n);
			int high = Math.min(k, m);
			double[] log = new double[high - low + 1];
			for (int x = low; x <= high; x++) {
				log[x - low] = h.logProbability(x);
			}
			return new Support(low, high, log);
		}

		/**
		 * Densities normalized as R's {@code dnhyper(1)}: {@code exp(d - max(d)) / sum}.
		 */
		double[] density() {
			return weights(0);
		}

		double mean(double logOddsRatio) {
			double[] w = weights(logOddsRatio);
			double mean = 0;
			for (int i = 0; i < w.length; i++) {
				mean += (low + i) * w[i];
			}
			return mean;
		}

		/** {@code P(A >= x)} at the given log odds ratio. */
		double upperTail(double logOddsRatio, int x) {
			double[] w = weights(logOddsRatio);
			double p = 0;
			for (int i = x - low; i < w.length; i++) {
				p += w[i];
			}
			return p;
		}

		/** {@code P(A <= x)} at the given log odds ratio. */
		double lowerTail(double logOddsRatio, int x) {
			double[] w = weights(logOddsRatio);
			double p = 0;
			for (int i = 0; i <= x - low; i++) {
				p += w[i];
			}
			return p;
		}

		private double[] weights(double logOddsRatio) {
			double[] w = new double[logDensity.length];
			double max = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < w.length; i++) {
				w[i] = logDensity[i] + (low + i) * logOddsRatio;
				max = Math.max(max, w[i]);
			}
			double sum = 0;
			for (int i = 0; i < w.length; i++) {
				w[i] = Math.exp(w[i] - max);
				sum += w[i];
			}
			for (int i = 0; i < w.length; i++) {
				w[i] /= sum;
			}
			return w;
		}

	}

}
