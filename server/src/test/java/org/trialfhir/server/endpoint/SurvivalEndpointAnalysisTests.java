package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodes.RecistResponse;
import org.trialfhir.server.analysis.survival.ConfidenceType;
import org.trialfhir.server.analysis.survival.TieMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurvivalEndpointAnalysisTests {

	private static final LocalDate ORIGIN = LocalDate.of(2025, 1, 1);

	private static final StudyDesign DESIGN = new StudyDesign("study", true, List.of("RAK", "CONTROL"),
			Optional.of("RAK"), Map.of());

	private final StudySnapshot snapshot = new StudySnapshot("study", ORIGIN.plusDays(400), Optional.of(ORIGIN),
			List.of(subject("a", "RAK", 100, true), subject("b", "RAK", 200, false), subject("c", "CONTROL", 50, true),
					subject("d", "CONTROL", 80, true)));

	@Test
	void blindedCallersGetOnePooledGroupAndNoComparison() {
		SurvivalReport report = analysis(365, true).analyse(DESIGN, snapshot);
		assertThat(report.arms()).extracting(SurvivalReport.ArmSurvival::arm)
			.containsExactly(SurvivalEndpointAnalysis.POOLED);
		assertThat(report.arms().get(0).curve().subjects()).isEqualTo(4);
		assertThat(report.logRank()).isEmpty();
		assertThat(report.hazardRatio()).isEmpty();
	}

	@Test
	void unblindedCallersGetArmsInStudyOrderWithComparison() {
		StudySnapshot mixed = new StudySnapshot("study", ORIGIN.plusDays(400), Optional.of(ORIGIN),
				List.of(subject("a", "RAK", 30, true), subject("b", "RAK", 200, false),
						subject("c", "CONTROL", 50, true), subject("d", "CONTROL", 80, true),
						subject("e", "CONTROL", 250, false)));
		SurvivalReport report = analysis(365, false).analyse(DESIGN, mixed);
		assertThat(report.arms()).extracting(SurvivalReport.ArmSurvival::arm).containsExactly("RAK", "CONTROL");
		assertThat(report.hazardRatio()).get()
			.extracting(SurvivalReport.HazardRatio::comparison)
			.isEqualTo("RAK vs CONTROL");
		assertThat(report.logRank()).isPresent();
		assertThat(report.subjects()).isEqualTo(5);
		assertThat(report.notes()).isEmpty();
	}

	@Test
	void survivalAtHorizonIsAbsentWhenFollowUpEndsBeforeItButZeroOnceEveryoneHadTheEvent() {
		SurvivalReport report = analysis(300, false).analyse(DESIGN, snapshot);
		assertThat(report.arms().get(0).atHorizon()).isEmpty();
		assertThat(report.arms().get(1).atHorizon()).get().extracting((s) -> s.survival()).isEqualTo(0.0);
	}

	@Test
	void restrictedMeanBeforeTheFirstTimeIsTheHorizon() {
		SurvivalReport report = analysis(10, false).analyse(DESIGN, snapshot);
		assertThat(report.arms().get(0).restrictedMean().mean()).isEqualTo(10.0);
		assertThat(report.arms().get(0).restrictedMean().standardError()).isZero();
	}

	@Test
	void noEventsMeansNoTestsButANote() {
		StudySnapshot censored = new StudySnapshot("study", ORIGIN.plusDays(400), Optional.of(ORIGIN),
				List.of(subject("a", "RAK", 100, false), subject("c", "CONTROL", 50, false)));
		SurvivalReport report = analysis(365, false).analyse(DESIGN, censored);
		assertThat(report.logRank()).isEmpty();
		assertThat(report.hazardRatio()).isEmpty();
		assertThat(report.notes()).hasSize(2);
	}

	@Test
	void horizonMustBePositive() {
		assertThatThrownBy(() -> analysis(0, false)).isInstanceOf(IllegalArgumentException.class);
	}

	private static SurvivalEndpointAnalysis analysis(int horizon, boolean pooled) {
		return new SurvivalEndpointAnalysis(SurvivalEndpoint.OS, horizon, false, pooled, TieMethod.EFRON,
				ConfidenceType.LOG);
	}

	private static SubjectEndpoints subject(String id, String arm, int days, boolean event) {
		TimeToEvent os = new TimeToEvent(days, event);
		return new SubjectEndpoints(
				new SubjectEnrollment(id, "study", "p-" + id, ORIGIN, "on-study", null, arm, arm, null), os, os, os,
				RecistResponse.NE, null, List.of(), false, 2);
	}

}
