package org.trialfhir.server.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.trialfhir.server.analysis.survival.ConfidenceType;
import org.trialfhir.server.analysis.survival.CoxData;
import org.trialfhir.server.analysis.survival.CoxProportionalHazards;
import org.trialfhir.server.analysis.survival.KaplanMeier;
import org.trialfhir.server.analysis.survival.KaplanMeierCurve;
import org.trialfhir.server.analysis.survival.KaplanMeierStep;
import org.trialfhir.server.analysis.survival.LandmarkSurvival;
import org.trialfhir.server.analysis.survival.LogRankResult;
import org.trialfhir.server.analysis.survival.LogRankTest;
import org.trialfhir.server.analysis.survival.RestrictedMeanSurvival;
import org.trialfhir.server.analysis.survival.SurvivalObservation;
import org.trialfhir.server.analysis.survival.TieMethod;

/**
 * Time-to-event analysis of OS, PFS or TTP over the randomized subjects of a study
 * (intention to treat, by assigned arm): Kaplan-Meier per arm with median, S(horizon) and
 * RMST, the log-rank test and the Cox hazard ratio of the experimental arm versus the
 * reference arm (stratified by randomization stratum on request). Pooled analyses have
 * one group and no between-arm tests.
 *
 * @param endpoint the endpoint
 * @param horizon horizon in days, {@code >= 1}
 * @param stratified stratify the log-rank test and the Cox model
 * @param pooled pool the arms (blinded caller)
 * @param ties Cox tie handling
 * @param confidenceType transform of the Kaplan-Meier confidence intervals
 */
public record SurvivalEndpointAnalysis(SurvivalEndpoint endpoint, int horizon, boolean stratified, boolean pooled,
		TieMethod ties, ConfidenceType confidenceType) {

	/** Group label of pooled results. */
	public static final String POOLED = "POOLED";

	/** Checks the horizon. */
	public SurvivalEndpointAnalysis {
		if (horizon < 1) {
			throw new IllegalArgumentException("horizon must be at least 1 day, was " + horizon);
		}
	}

	/**
	 * @param design the study's design (arm order, experimental arm)
	 * @param snapshot the subjects' facts as of the cut-off
	 * @return the report
	 */
	public SurvivalReport analyse(StudyDesign design, StudySnapshot snapshot) {
		return analyse(design, SurvivalSnapshot.of(snapshot, endpoint));
	}

	/**
	 * @param design the study's design (arm order, experimental arm)
	 * @param snapshot the randomized subjects' outcomes of this analysis' endpoint as of
	 * the cut-off
	 * @return the report
	 */
	public SurvivalReport analyse(StudyDesign design, SurvivalSnapshot snapshot) {
		if (snapshot.endpoint() != endpoint) {
			throw new IllegalArgumentException(
					"outcomes of " + snapshot.endpoint() + " given to an analysis of " + endpoint);
		}
		List<SurvivalSnapshot.Subject> subjects = snapshot.subjects();
		if (subjects.isEmpty()) {
			throw new IllegalArgumentException(
					"study " + design.studyId() + " has no randomized subjects on or before " + snapshot.cutoff());
		}
		List<SurvivalObservation> observations = subjects.stream().map(this::observation).toList();
		List<KaplanMeierCurve> curves = KaplanMeier.withDefaults().with(confidenceType).estimate(observations);
		Map<String, KaplanMeierCurve> byArm = new LinkedHashMap<>();
		for (String arm : design.arms()) {
			curves.stream().filter((c) -> c.group().equals(arm)).findFirst().ifPresent((c) -> byArm.put(arm, c));
		}
		curves.forEach((c) -> byArm.putIfAbsent(c.group(), c));
		List<SurvivalReport.ArmSurvival> arms = byArm.values().stream().map(this::armSurvival).toList();
		List<String> notes = new ArrayList<>();
		Optional<LogRankResult> logRank = Optional.empty();
		Optional<SurvivalReport.HazardRatio> hazardRatio = Optional.empty();
		if (!pooled && byArm.size() >= 2) {
			logRank = logRank(observations, notes);
			hazardRatio = hazardRatio(design, new ArrayList<>(byArm.keySet()), observations, notes);
		}
		return new SurvivalReport(endpoint, snapshot.cutoff(), horizon, pooled, subjects.size(), snapshot.resources(),
				arms, logRank, hazardRatio, notes);
	}

	/**
	 * @param subject a randomized subject
	 * @return its observation for this analysis (arm, or the pooled label; stratum if
	 * stratified)
	 */
	public SurvivalObservation observation(SubjectEndpoints subject) {
		return observation(SurvivalSnapshot.Subject.of(subject, endpoint));
	}

	/**
	 * @param subject a randomized subject's outcome of this analysis' endpoint
	 * @return its observation for this analysis (arm, or the pooled label; stratum if
	 * stratified)
	 */
	public SurvivalObservation observation(SurvivalSnapshot.Subject subject) {
		TimeToEvent outcome = subject.outcome();
		String stratum = subject.enrollment().stratum();
		return new SurvivalObservation(outcome.days(), outcome.event(),
				pooled ? POOLED : subject.enrollment().assignedArm(),
				(stratified && stratum != null) ? stratum : SurvivalObservation.NO_STRATUM);
	}

	private SurvivalReport.ArmSurvival armSurvival(KaplanMeierCurve curve) {
		List<KaplanMeierStep> steps = curve.steps();
		KaplanMeierStep last = steps.get(steps.size() - 1);
		Optional<LandmarkSurvival> atHorizon;
		if (horizon <= last.time()) {
			atHorizon = Optional.of(curve.survivalAt(horizon));
		}
		else if (last.survival() == 0) {
			atHorizon = Optional.of(new LandmarkSurvival(horizon, 0, 0, last.standardError(), last.interval()));
		}
		else {
			atHorizon = Optional.empty();
		}
		RestrictedMeanSurvival rmst = (horizon < steps.get(0).time()) ? new RestrictedMeanSurvival(horizon, horizon, 0)
				: curve.restrictedMean(horizon);
		return new SurvivalReport.ArmSurvival(curve.group(), curve, curve.median(), atHorizon, rmst);
	}

	private Optional<LogRankResult> logRank(List<SurvivalObservation> observations, List<String> notes) {
		try {
			LogRankTest test = LogRankTest.withDefaults();
			return Optional.of(stratified ? test.testStratified(observations) : test.test(observations));
		}
		catch (IllegalArgumentException ex) {
			notes.add("log-rank test not computed: " + ex.getMessage());
			return Optional.empty();
		}
	}

	private Optional<SurvivalReport.HazardRatio> hazardRatio(StudyDesign design, List<String> arms,
			List<SurvivalObservation> observations, List<String> notes) {
		String experimental = design.experimentalArm().filter(arms::contains).orElse(arms.get(0));
		String reference = arms.stream().filter((a) -> !a.equals(experimental)).findFirst().orElseThrow();
		List<SurvivalObservation> compared = observations.stream()
			.filter((o) -> o.group().equals(experimental) || o.group().equals(reference))
			.toList();
		try {
			var model = CoxProportionalHazards.withDefaults()
				.with(ties)
				.fit(CoxData.treatmentEffect(compared, experimental));
			return Optional.of(new SurvivalReport.HazardRatio(experimental, reference, ties, stratified,
					model.coefficients().get(0)));
		}
		catch (IllegalArgumentException ex) {
			notes.add("Cox hazard ratio not computed: " + ex.getMessage());
			return Optional.empty();
		}
	}

}
