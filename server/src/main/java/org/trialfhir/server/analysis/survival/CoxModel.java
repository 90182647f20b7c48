package org.trialfhir.server.analysis.survival;

import java.util.List;

import org.trialfhir.server.analysis.ChiSquareTest;

/**
 * A fitted Cox proportional hazards model (R's {@code coxph} object, summarized).
 *
 * @param ties tie handling used
 * @param coefficients coefficients in covariate order
 * @param covariance inverse information matrix at the estimate (R's {@code vcov(fit)};
 * copied)
 * @param logLikelihoodNull log partial likelihood at {@code beta = 0} (R's
 * {@code fit$loglik[1]})
 * @param logLikelihood log partial likelihood at the estimate (R's {@code fit$loglik[2]})
 * @param wald Wald test {@code beta' I beta}
 * @param score score (log-rank) test {@code U(0)' I(0)^-1 U(0)}
 * @param likelihoodRatio likelihood-ratio test
 * {@code 2 (logLikelihood - logLikelihoodNull)}
 * @param subjects number of subjects
 * @param events number of events
 * @param iterations Newton–Raphson iterations used
 */
public record CoxModel(TieMethod ties, List<CoxCoefficient> coefficients, double[][] covariance,
		double logLikelihoodNull, double logLikelihood, ChiSquareTest wald, ChiSquareTest score,
		ChiSquareTest likelihoodRatio, int subjects, int events, int iterations) {

	/** Copies the components. */
	public CoxModel {
		coefficients = List.copyOf(coefficients);
		covariance = copy(covariance);
	}

	/**
	 * @return a copy of the covariance matrix
	 */
	@Override
	public double[][] covariance() {
		return copy(covariance);
	}

	/**
	 * @param covariate covariate name
	 * @return its coefficient
	 */
	public CoxCoefficient coefficient(String covariate) {
		return coefficients.stream()
			.filter(c -> c.covariate().equals(covariate))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no covariate '" + covariate + "' in the model"));
	}

	private static double[][] copy(double[][] m) {
		double[][] c = new double[m.length][];
		for (int i = 0; i < m.length; i++) {
			c[i] = m[i].clone();
		}
		return c;
	}
}
