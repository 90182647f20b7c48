package org.trialfhir.server.analysis.binary;

import java.util.Objects;

import org.apache.commons.statistics.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test of independence in a 2 x 2 table, two-sided, as R's {@code fisher.test}.
 *
 * <p>Conditioning on the margins, the count {@code a} is hypergeometric with population {@code a+b+c+d},
 * {@code a+c} successes and {@code a+b} draws. The two-sided p-value sums the probabilities of all tables whose
 * probability is at most {@code P(observed) (1 + 1e-7)} (R's relative tolerance, so that tables equally likely
 * as the observed one up to rounding are included).
 *
 * <p>The conditional maximum-likelihood odds ratio solves {@code E[a; psi] = a} under the noncentral
 * hypergeometric distribution (bisection on {@code log psi} to machine precision); it is 0 when {@code a} is the
 * smallest possible value and infinite when it is the largest. R solves the same equation with {@code uniroot}'s
 * default tolerance (about {@code 1e-4}), so R's printed estimate may differ from ours in the 5th digit.
 */
public final class FisherExactTest {

	private static final FisherExactTest DEFAULTS = new FisherExactTest();
	private static final double RELATIVE_ERROR = 1 + 1e-7;

	private FisherExactTest() {
	}

	/** @return the two-sided test */
	public static FisherExactTest withDefaults() {
		return DEFAULTS;
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
		return new FisherExactResult(table, Math.min(1, p), oddsRatio(s, table.a()));
	}

	private static double oddsRatio(Support s, int x) {
		if (x == s.low) {
			return 0;
		}
		if (x == s.high) {
			return Double.POSITIVE_INFINITY;
		}
		double lo = -1;
		double hi = 1;
		while (s.mean(lo) > x) {
			lo *= 2;
		}
		while (s.mean(hi) < x) {
			hi *= 2;
		}
		for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
			double mid = (lo + hi) / 2;
			if (s.mean(mid) < x) {
				lo = mid;
			} else {
				hi = mid;
			}
		}
		return Math.exp((lo + hi) / 2);
	}

	/** Support {@code [low, high]} of {@code a} given the margins, with log central densities. */
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

		/** Densities normalized as R's {@code dnhyper(1)}: {@code exp(d - max(d)) / sum}. */
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
