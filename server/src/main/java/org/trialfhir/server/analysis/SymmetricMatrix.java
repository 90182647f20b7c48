package org.trialfhir.server.analysis;

import java.util.Arrays;

/**
 * An immutable symmetric positive-definite matrix with its Cholesky factor
 * {@code A = L L'}, used to solve the small systems of the log-rank test and the Cox
 * model (a handful of rows). Construction fails with {@link IllegalArgumentException} if
 * the matrix is not symmetric positive definite (a pivot not above {@code 1e-12} times
 * the largest diagonal element, R's {@code toler.chol} order of magnitude).
 */
public final class SymmetricMatrix {

	private final double[][] values;

	private final double[][] lower;

	private SymmetricMatrix(double[][] values, double[][] lower) {
		this.values = values;
		this.lower = lower;
	}

	/**
	 * Factorizes a matrix.
	 * @param matrix square, symmetric, positive definite; copied
	 * @param what name used in error messages, e.g. "log-rank variance matrix"
	 * @return the factorized matrix
	 */
	public static SymmetricMatrix of(double[][] matrix, String what) {
		int n = matrix.length;
		if (n == 0) {
			throw new IllegalArgumentException(what + " is empty");
		}
		double[][] a = new double[n][];
		double maxDiagonal = 0;
		for (int i = 0; i < n; i++) {
			if (matrix[i].length != n) {
				throw new IllegalArgumentException(what + " is not square");
			}
			a[i] = matrix[i].clone();
			for (double v : a[i]) {
				if (!Double.isFinite(v)) {
					throw new IllegalArgumentException(what + " has a non-finite element " + v);
				}
			}
			maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i][i]));
		}
		double[][] l = new double[n][n];
		for (int j = 0; j < n; j++) {
			double d = a[j][j];
			for (int k = 0; k < j; k++) {
				d -= l[j][k] * l[j][k];
			}
			if (!(d > 1e-12 * maxDiagonal)) {
				throw new IllegalArgumentException(
						what + " is singular or not positive definite (pivot " + d + " in row " + (j + 1) + ")");
			}
			l[j][j] = Math.sqrt(d);
			for (int i = j + 1; i < n; i++) {
				double s = a[i][j];
				for (int k = 0; k < j; k++) {
					s -= l[i][k] * l[j][k];
				}
				l[i][j] = s / l[j][j];
			}
		}
		return new SymmetricMatrix(a, l);
	}

	/**
	 * @return the number of rows
	 */
	public int size() {
		return values.length;
	}

	/**
	 * Solves {@code A x = b}.
	 * @param b right-hand side
	 * @return x
	 */
	public double[] solve(double[] b) {
		int n = size();
		if (b.length != n) {
			throw new IllegalArgumentException("right-hand side has " + b.length + " rows, matrix has " + n);
		}
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			double s = b[i];
			for (int k = 0; k < i; k++) {
				s -= lower[i][k] * y[k];
			}
			y[i] = s / lower[i][i];
		}
		double[] x = new double[n];
		for (int i = n - 1; i >= 0; i--) {
			double s = y[i];
			for (int k = i + 1; k < n; k++) {
				s -= lower[k][i] * x[k];
			}
			x[i] = s / lower[i][i];
		}
		return x;
	}

	/**
	 * The quadratic form {@code b' A^-1 b}.
	 * @param b vector
	 * @return the form
	 */
	public double inverseQuadraticForm(double[] b) {
		double[] x = solve(b);
		double s = 0;
		for (int i = 0; i < b.length; i++) {
			s += b[i] * x[i];
		}
		return s;
	}

	/**
	 * @return {@code A^-1} as a new array
	 */
	public double[][] inverse() {
		int n = size();
		double[][] inv = new double[n][];
		for (int j = 0; j < n; j++) {
			double[] e = new double[n];
			e[j] = 1;
			inv[j] = solve(e);
		}
		return inv; // symmetric, so columns = rows
	}

	/**
	 * @return a copy of the matrix
	 */
	public double[][] toArray() {
		double[][] copy = new double[values.length][];
		for (int i = 0; i < values.length; i++) {
			copy[i] = values[i].clone();
		}
		return copy;
	}

	@Override
	public String toString() {
		return "SymmetricMatrix" + Arrays.deepToString(values);
	}

}
