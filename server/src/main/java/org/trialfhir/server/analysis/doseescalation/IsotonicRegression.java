package org.trialfhir.server.analysis.doseescalation;

/**
 * Weighted isotonic (non-decreasing) regression by the pool-adjacent-violators algorithm
 * (Barlow, Bartholomew, Bremner &amp; Brunk 1972): adjacent values that violate the order
 * are pooled into their weighted mean until the sequence is non-decreasing. O(n)
 * amortized with a stack of blocks.
 */
public final class IsotonicRegression {

	private IsotonicRegression() {
	}

	/**
	 * @param values values in dose order, finite
	 * @param weights positive finite weights
	 * @return the isotonic fit (new array)
	 */
	public static double[] fit(double[] values, double[] weights) {
		int n = values.length;
		if (weights.length != n) {
			throw new IllegalArgumentException("values and weights differ in length: " + n + " vs " + weights.length);
		}
		double[] mean = new double[n];
		double[] weight = new double[n];
		int[] size = new int[n];
		int blocks = 0;
		for (int i = 0; i < n; i++) {
			if (!Double.isFinite(values[i])) {
				throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
			}
			if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
				throw new IllegalArgumentException("weight " + i + " must be positive and finite, was " + weights[i]);
			}
			mean[blocks] = values[i];
			weight[blocks] = weights[i];
			size[blocks] = 1;
			blocks++;
			while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
				double w = weight[blocks - 2] + weight[blocks - 1];
				mean[blocks - 2] = (mean[blocks - 2] * weight[blocks - 2] + mean[blocks - 1] * weight[blocks - 1]) / w;
				weight[blocks - 2] = w;
				size[blocks - 2] += size[blocks - 1];
				blocks--;
			}
		}
		double[] fit = new double[n];
		int k = 0;
		for (int b = 0; b < blocks; b++) {
			for (int j = 0; j < size[b]; j++) {
				fit[k++] = mean[b];
			}
		}
		return fit;
	}

}
