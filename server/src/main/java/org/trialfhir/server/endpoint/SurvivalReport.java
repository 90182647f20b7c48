package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.trialfhir.server.analysis.survival.CoxCoefficient;
import org.trialfhir.server.analysis.survival.KaplanMeierCurve;
import org.trialfhir.server.analysis.survival.LandmarkSurvival;
import org.trialfhir.server.analysis.survival.LogRankResult;
import org.trialfhir.server.analysis.survival.MedianSurvival;
import org.trialfhir.server.analysis.survival.RestrictedMeanSurvival;
import org.trialfhir.server.analysis.survival.TieMethod;

/**
 * The time-to-event analysis of one endpoint of a study: what {@code $survival} returns
 * as Parameters and what a Kaplan-Meier plot draws (the per-arm curves, hazard ratio and
 * log-rank p).
 *
 * @param endpoint OS, PFS or TTP
 * @param cutoff data cut-off
 * @param horizon horizon in days for S(horizon) and RMST
 * @param pooled true if arms are pooled (blinded caller)
 * @param subjects subjects analysed
 * @param resources resources the subjects' facts were derived from
 * @param arms one per arm (or the pooled group)
 * @param logRank log-rank test between arms, absent when pooled or undefined
 * @param hazardRatio Cox hazard ratio, absent when pooled or undefined
 * @param notes why a test is absent, if it is
 */
public record SurvivalReport(SurvivalEndpoint endpoint, LocalDate cutoff, int horizon, boolean pooled, int subjects,
		int resources, List<ArmSurvival> arms, Optional<LogRankResult> logRank, Optional<HazardRatio> hazardRatio,
		List<String> notes) {

	/** Copies. */
	public SurvivalReport {
		arms = List.copyOf(arms);
		notes = List.copyOf(notes);
	}

	/**
	 * The Kaplan-Meier analysis of one arm.
	 *
	 * @param arm arm.name or the pooled label
	 * @param curve the Kaplan-Meier curve (table, Greenwood standard errors, pointwise
	 * CIs)
	 * @param median median with its CI
	 * @param atHorizon S(horizon) with its CI; absent when the arm's follow-up ends
	 * before the horizon with S &gt; 0
	 * @param restrictedMean RMST to the horizon
	 */
	public record ArmSurvival(String arm, KaplanMeierCurve curve, MedianSurvival median,
			Optional<LandmarkSurvival> atHorizon, RestrictedMeanSurvival restrictedMean) {
	}

	/**
	 * Cox proportional-hazards estimate of the experimental arm versus the reference arm.
	 *
	 * @param experimentalArm the arm coded 1
	 * @param referenceArm the arm coded 0
	 * @param ties tie handling
	 * @param stratified true if stratified by randomization stratum
	 * @param coefficient the treatment coefficient (HR, CI, Wald p)
	 */
	public record HazardRatio(String experimentalArm, String referenceArm, TieMethod ties, boolean stratified,
			CoxCoefficient coefficient) {

		/**
		 * @return e.g. {@code RAK vs CONTROL}
		 */
		public String comparison() {
			return experimentalArm + " vs " + referenceArm;
		}

	}

}
