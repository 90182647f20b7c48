package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.analysis.binary.ClopperPearsonInterval;
import org.trialfhir.server.analysis.binary.FisherExactTest;
import org.trialfhir.server.analysis.binary.TwoByTwoTable;
import org.trialfhir.server.analysis.survival.CoxCoefficient;
import org.trialfhir.server.analysis.survival.CoxData;
import org.trialfhir.server.analysis.survival.CoxProportionalHazards;
import org.trialfhir.server.analysis.survival.KaplanMeier;
import org.trialfhir.server.analysis.survival.KaplanMeierCurve;
import org.trialfhir.server.analysis.survival.LogRankResult;
import org.trialfhir.server.analysis.survival.LogRankTest;
import org.trialfhir.server.analysis.survival.SurvivalObservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The endpoint operations over HTTP on a hand-built ten-subject trial, checked against
 * the statistics library's direct results on the hand-derived outcomes to 1e-9.
 */
class EndpointOperationsIT extends FhirServerIT {

	static final double TOLERANCE = 1e-9;

	private HandBuiltTrial trial;

	@BeforeEach
	void storeTrial() {
		trial = HandBuiltTrial.store(client);
	}

	@Test
	void survivalOfEveryEndpointMatchesTheLibraryOnHandDerivedOutcomes() {
		for (SurvivalEndpoint endpoint : SurvivalEndpoint.values()) {
			Parameters result = survival(endpoint, HandBuiltTrial.LATE_CUTOFF, 60, false);
			assertSurvival(result, HandBuiltTrial.expected(endpoint, false, false), 60, false);
			assertThat(value(result, TrialOperations.Out.CUTOFF).primitiveValue()).isEqualTo("2026-06-01");
			assertThat(integer(result, TrialOperations.Out.SUBJECTS)).isEqualTo(10);
			// 10 subjects + 10 patients + 32 clinical resources
			assertThat(integer(result, TrialOperations.Out.RESOURCES)).isEqualTo(52);
			assertThat(((BooleanType) value(result, TrialOperations.Out.POOLED)).booleanValue()).isFalse();
		}
	}

	@Test
	void stratifiedSurvivalMatchesTheLibrary() {
		Parameters result = survival(SurvivalEndpoint.PFS, HandBuiltTrial.LATE_CUTOFF, 100, true);
		assertSurvival(result, HandBuiltTrial.expected(SurvivalEndpoint.PFS, false, true), 100, true);
	}

	@Test
	void earlyCutoffIgnoresLaterDeathsAssessmentsAndAdverseEvents() {
		for (SurvivalEndpoint endpoint : SurvivalEndpoint.values()) {
			Parameters result = survival(endpoint, HandBuiltTrial.EARLY_CUTOFF, 42, false);
			assertSurvival(result, HandBuiltTrial.expected(endpoint, true, false), 42, false);
		}
	}

	@Test
	void defaultHorizonIsTheEndpointsTimeFrame() {
		Parameters result = operation(TrialOperations.SURVIVAL,
				new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType("OS"))
					.addParameter(TrialOperations.In.CUTOFF, new DateType(HandBuiltTrial.LATE_CUTOFF.toString())));
		assertThat(integer(result, TrialOperations.Out.HORIZON)).isEqualTo(365);
	}

	@Test
	void responseRatesMatchTheLibrary() {
		Parameters result = operation(TrialOperations.RESPONSE_RATE, cutoff(HandBuiltTrial.LATE_CUTOFF));
		// RAK best responses: PR, SD, NE, CR, PD; CONTROL: PD, SD, PR, NE, PD
		ParametersParameterComponent rak = arm(result, HandBuiltTrial.RAK);
		ParametersParameterComponent control = arm(result, HandBuiltTrial.CONTROL);
		assertThat(partInt(rak, "responders")).isEqualTo(2);
		assertThat(partInt(rak, "diseaseControl")).isEqualTo(3);
		assertThat(partInt(control, "responders")).isEqualTo(1);
		assertThat(partInt(control, "diseaseControl")).isEqualTo(2);
		var orr = ClopperPearsonInterval.withDefaults().estimate(2, 5);
		assertThat(partDecimal(rak, "orr")).isCloseTo(orr.estimate(), within(TOLERANCE));
		assertThat(partDecimal(rak, "orrLower")).isCloseTo(orr.interval().lower(), within(TOLERANCE));
		assertThat(partDecimal(rak, "orrUpper")).isCloseTo(orr.interval().upper(), within(TOLERANCE));
		ParametersParameterComponent comparison = group(result, TrialOperations.Out.COMPARISON);
		assertThat(partDecimal(comparison, "orrDifference")).isCloseTo(0.2, within(TOLERANCE));
		assertThat(partDecimal(comparison, "orrFisherPValue")).isCloseTo(
				FisherExactTest.withDefaults().test(TwoByTwoTable.ofGroups(2, 5, 1, 5)).pValue(), within(TOLERANCE));
		assertThat(partDecimal(comparison, "dcrFisherPValue")).isCloseTo(
				FisherExactTest.withDefaults().test(TwoByTwoTable.ofGroups(3, 5, 2, 5)).pValue(), within(TOLERANCE));
	}

	@Test
	void adverseEventSummaryCountsTreatmentEmergentEventsBySubject() {
		Parameters result = operation(TrialOperations.ADVERSE_EVENT_SUMMARY, cutoff(HandBuiltTrial.LATE_CUTOFF));
		ParametersParameterComponent rak = arm(result, HandBuiltTrial.RAK);
		ParametersParameterComponent control = arm(result, HandBuiltTrial.CONTROL);
		assertThat(partInt(rak, "treated")).isEqualTo(5);
		// RAK: R1 grade 3, R5 grade 2 (R3's grade-4 AE precedes its first dose)
		assertThat(countOf(rak, "anyAe")).isEqualTo(2);
		assertThat(countOf(rak, "gradeAtLeast3")).isEqualTo(1);
		assertThat(countOf(rak, "serious")).isEqualTo(0);
		// CONTROL: C2 grade 4 serious, C3 grades 1 and 3 (worst 3)
		assertThat(countOf(control, "anyAe")).isEqualTo(2);
		assertThat(countOf(control, "gradeAtLeast3")).isEqualTo(2);
		assertThat(countOf(control, "serious")).isEqualTo(1);
		var any = ClopperPearsonInterval.withDefaults().estimate(2, 5);
		String[] anyAe = partString(control, "anyAe").split(";");
		assertThat(Double.parseDouble(anyAe[2])).isCloseTo(any.interval().lower(), within(TOLERANCE));
		assertThat(Double.parseDouble(anyAe[3])).isCloseTo(any.interval().upper(), within(TOLERANCE));
		// at the early cut-off (CONTROL day 46) C2's AE on day 50 has not happened
		Parameters early = operation(TrialOperations.ADVERSE_EVENT_SUMMARY, cutoff(HandBuiltTrial.EARLY_CUTOFF));
		assertThat(countOf(arm(early, HandBuiltTrial.CONTROL), "serious")).isEqualTo(0);
	}

	@Test
	void consortCountsTheFlow() {
		Parameters result = operation(TrialOperations.CONSORT, cutoff(HandBuiltTrial.LATE_CUTOFF));
		assertThat(integer(result, "enrolled")).isEqualTo(10);
		assertThat(integer(result, "randomized")).isEqualTo(10);
		ParametersParameterComponent rak = arm(result, HandBuiltTrial.RAK);
		assertThat(partInt(rak, "allocated")).isEqualTo(5);
		assertThat(partInt(rak, "treated")).isEqualTo(5);
		assertThat(partInt(rak, "discontinued")).isEqualTo(0);
		assertThat(partInt(rak, "analysed")).isEqualTo(5);
		Parameters beforeControl = operation(TrialOperations.CONSORT, cutoff(LocalDate.of(2025, 1, 10)));
		assertThat(integer(beforeControl, "randomized")).isEqualTo(5);
	}

	@Test
	void badParametersAreRefusedWithAnOperationOutcome() {
		assertBadRequest(new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType("ORR")),
				"unknown endpoint 'ORR'");
		assertBadRequest(new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType("OS"))
			.addParameter(TrialOperations.In.HORIZON, new IntegerType(0)), "positive number of days");
		assertBadRequest(
				new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType("OS"))
					.addParameter(TrialOperations.In.CUTOFF, new DateType("2024-12-31")),
				"before the study's first randomization");
		assertThatThrownBy(() -> client.operation()
			.onInstance(new IdType("ResearchStudy", "rak-part-1-dose-escalation"))
			.named(TrialOperations.RESPONSE_RATE)
			.withNoParameters(Parameters.class)
			.useHttpGet()
			.execute()).isInstanceOfSatisfying(InvalidRequestException.class,
					(ex) -> assertThat(diagnostics(ex)).contains("not a randomized study"));
	}

	private void assertBadRequest(Parameters parameters, String message) {
		assertThatThrownBy(() -> operation(TrialOperations.SURVIVAL, parameters)).isInstanceOfSatisfying(
				InvalidRequestException.class, (ex) -> assertThat(diagnostics(ex)).contains(message));
	}

	private static String diagnostics(InvalidRequestException ex) {
		return ((OperationOutcome) ex.getOperationOutcome()).getIssueFirstRep().getDiagnostics();
	}

	Parameters survival(SurvivalEndpoint endpoint, LocalDate cutoff, int horizon, boolean stratified) {
		return operation(TrialOperations.SURVIVAL,
				new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType(endpoint.name()))
					.addParameter(TrialOperations.In.CUTOFF, new DateType(cutoff.toString()))
					.addParameter(TrialOperations.In.HORIZON, new IntegerType(horizon))
					.addParameter(TrialOperations.In.STRATIFIED, new BooleanType(stratified)));
	}

	static Parameters cutoff(LocalDate cutoff) {
		return new Parameters().addParameter(TrialOperations.In.CUTOFF, new DateType(cutoff.toString()));
	}

	Parameters operation(String name, Parameters parameters) {
		return client.operation()
			.onInstance(trial.studyId)
			.named(name)
			.withParameters(parameters)
			.useHttpGet()
			.execute();
	}

	/**
	 * The survival result against KM, log-rank and Cox (Efron) computed directly by the
	 * library on the expected outcomes.
	 */
	static void assertSurvival(Parameters result, List<SurvivalObservation> expected, int horizon, boolean stratified) {
		Map<String, KaplanMeierCurve> curves = KaplanMeier.withDefaults()
			.estimate(expected)
			.stream()
			.collect(Collectors.toMap(KaplanMeierCurve::group, Function.identity()));
		for (String armName : List.of(HandBuiltTrial.RAK, HandBuiltTrial.CONTROL)) {
			KaplanMeierCurve curve = curves.get(armName);
			ParametersParameterComponent arm = arm(result, armName);
			assertThat(partInt(arm, "subjects")).isEqualTo(curve.subjects());
			assertThat(partInt(arm, "events")).as(armName + " events").isEqualTo(curve.events());
			assertThat(parts(arm, "step")).hasSize(curve.steps().size());
			for (int i = 0; i < curve.steps().size(); i++) {
				String[] step = parts(arm, "step").get(i).primitiveValue().split(";");
				assertThat(Double.parseDouble(step[0])).isEqualTo(curve.steps().get(i).time());
				assertThat(Double.parseDouble(step[4])).isCloseTo(curve.steps().get(i).survival(), within(TOLERANCE));
			}
			var median = curve.median().median();
			assertThat(median.isPresent()).isEqualTo(!parts(arm, "median").isEmpty());
			median.ifPresent((m) -> assertThat(partDecimal(arm, "median")).isCloseTo(m, within(TOLERANCE)));
			double last = curve.steps().get(curve.steps().size() - 1).time();
			if (horizon <= last) {
				var landmark = curve.survivalAt(horizon);
				assertThat(partDecimal(arm, "survivalAtHorizon")).isCloseTo(landmark.survival(), within(TOLERANCE));
				if (landmark.interval().isDefined()) {
					assertThat(partDecimal(arm, "survivalAtHorizonLower")).isCloseTo(landmark.interval().lower(),
							within(TOLERANCE));
				}
			}
			var rmst = curve.restrictedMean(horizon);
			assertThat(partDecimal(arm, "rmst")).isCloseTo(rmst.mean(), within(TOLERANCE));
			assertThat(partDecimal(arm, "rmstStdErr")).isCloseTo(rmst.standardError(), within(TOLERANCE));
		}
		LogRankResult logRank = stratified ? LogRankTest.withDefaults().testStratified(expected)
				: LogRankTest.withDefaults().test(expected);
		ParametersParameterComponent test = group(result, TrialOperations.Out.LOG_RANK);
		assertThat(partDecimal(test, "chiSquare")).isCloseTo(logRank.test().statistic(), within(TOLERANCE));
		assertThat(partDecimal(test, "pValue")).isCloseTo(logRank.test().pValue(), within(TOLERANCE));
		CoxCoefficient cox;
		try {
			cox = CoxProportionalHazards.withDefaults()
				.fit(CoxData.treatmentEffect(expected, HandBuiltTrial.RAK))
				.coefficients()
				.get(0);
		}
		catch (IllegalArgumentException ex) {
			// e.g. monotone likelihood: the server leaves the hazard ratio out and says
			// why
			assertThat(result.getParameter().stream().map(ParametersParameterComponent::getName))
				.doesNotContain(TrialOperations.Out.HAZARD_RATIO);
			assertThat(result.getParameter()
				.stream()
				.filter((p) -> p.getName().equals(TrialOperations.Out.NOTE))
				.map((p) -> p.getValue().primitiveValue())).anyMatch((note) -> note.contains(ex.getMessage()));
			return;
		}
		ParametersParameterComponent hr = group(result, TrialOperations.Out.HAZARD_RATIO);
		assertThat(partString(hr, "comparison")).isEqualTo("RAK vs CONTROL");
		assertThat(partDecimal(hr, "estimate")).isCloseTo(cox.hazardRatio(), within(TOLERANCE));
		assertThat(partDecimal(hr, "lower")).isCloseTo(cox.hazardRatioInterval().lower(), within(TOLERANCE));
		assertThat(partDecimal(hr, "upper")).isCloseTo(cox.hazardRatioInterval().upper(), within(TOLERANCE));
		assertThat(partDecimal(hr, "pValue")).isCloseTo(cox.pValue(), within(TOLERANCE));
	}

	static Type value(Parameters parameters, String name) {
		return parameters.getParameter(name).getValue();
	}

	static int integer(Parameters parameters, String name) {
		return ((IntegerType) value(parameters, name)).getValue();
	}

	static ParametersParameterComponent group(Parameters parameters, String name) {
		return parameters.getParameter()
			.stream()
			.filter((p) -> p.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no parameter " + name));
	}

	static ParametersParameterComponent arm(Parameters parameters, String armName) {
		return parameters.getParameter()
			.stream()
			.filter((p) -> p.getName().equals(TrialOperations.Out.ARM))
			.filter((p) -> partString(p, TrialOperations.Out.NAME).equals(armName))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no arm " + armName));
	}

	static List<Type> parts(ParametersParameterComponent group, String name) {
		return group.getPart().stream().filter((p) -> p.getName().equals(name)).map((p) -> p.getValue()).toList();
	}

	static Type part(ParametersParameterComponent group, String name) {
		List<Type> values = parts(group, name);
		assertThat(values).as(name).hasSize(1);
		return values.get(0);
	}

	static int partInt(ParametersParameterComponent group, String name) {
		return ((IntegerType) part(group, name)).getValue();
	}

	static double partDecimal(ParametersParameterComponent group, String name) {
		return ((DecimalType) part(group, name)).getValue().doubleValue();
	}

	static String partString(ParametersParameterComponent group, String name) {
		return part(group, name).primitiveValue();
	}

	static int countOf(ParametersParameterComponent group, String name) {
		return Integer.parseInt(partString(group, name).split(";")[0]);
	}

}
