package org.trialfhir.server.analysis.survival;

import java.util.List;

import org.trialfhir.server.analysis.ChiSquareTest;

/**
 * Result of a (stratified) log-rank test: per-group observed/expected, the variance
 * matrix of {@code O - E} and the chi-square test (R's {@code survdiff} with
 * {@code rho = 0}).
 *
 * @param groups groups in label order
 * @param variance variance-covariance matrix of {@code O - E}, rows and columns in group
 * order (copied)
 * @param test chi-square statistic with {@code k - 1} degrees of freedom ({@code k} =
 * groups with expected events {@code > 0})
 * @param stratified whether the test was stratified
 */
public record LogRankResult(List<LogRankGroup> groups, double[][] variance, ChiSquareTest test, boolean stratified) {

	/** Copies the components. */
	public LogRankResult {
		groups = List.copyOf(groups);
		variance = copy(variance);
	}

	/**
	 * @return a copy of the variance matrix
	 */
	@Override
	public double[][] variance() {
		return copy(variance);
	}

	/**
	 * @param row row group index
	 * @param column column group index
	 * @return one element of the variance matrix
	 */
	public double variance(int row, int column) {
		return variance[row][column];
	}

	private static double[][] copy(double[][] m) {
		double[][] c = new double[m.length][];
		for (int i = 0; i < m.length; i++) {
			c[i] = m[i].clone();
		}
		return c;
	}
}
