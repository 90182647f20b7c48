package org.trialfhir.server.analysis.survival;

import java.util.Arrays;

/**
 * One subject of a Cox model: follow-up time, event flag, stratum and covariate values.
 *
 * @param time follow-up time, finite and {@code >= 0}
 * @param event whether the event was observed
 * @param stratum stratum label ({@link SurvivalObservation#NO_STRATUM} if unstratified)
 * @param covariates covariate values, all finite (copied)
 */
public record CoxSubject(double time, boolean event, String stratum, double[] covariates) {

	/** Validates and copies. */
	public CoxSubject {
		if (!(time >= 0) || Double.isInfinite(time)) {
			throw new IllegalArgumentException("survival time must be finite and >= 0, was " + time);
		}
		if (stratum == null || stratum.isBlank()) {
			throw new IllegalArgumentException("stratum label must not be null or blank");
		}
		covariates = covariates.clone();
		for (double x : covariates) {
			if (!Double.isFinite(x)) {
				throw new IllegalArgumentException("covariate value must be finite, was " + x);
			}
		}
	}

	/**
	 * @return a copy of the covariate values
	 */
	@Override
	public double[] covariates() {
		return covariates.clone();
	}

	/**
	 * @param index covariate index
	 * @return one covariate value
	 */
	public double covariate(int index) {
		return covariates[index];
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CoxSubject c && c.time == time && c.event == event && c.stratum.equals(stratum)
				&& Arrays.equals(c.covariates, covariates);
	}

	@Override
	public int hashCode() {
		return Double.hashCode(time) * 31 + Arrays.hashCode(covariates);
	}

	@Override
	public String toString() {
		return "CoxSubject[time=" + time + ", event=" + event + ", stratum=" + stratum + ", covariates="
				+ Arrays.toString(covariates) + "]";
	}
}
