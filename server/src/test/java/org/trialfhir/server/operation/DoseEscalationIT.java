package org.trialfhir.server.operation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodeSystems;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.In;
import org.trialfhir.profiles.TrialOperations.DoseLevelPart;
import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.FhirServerIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code $dose-escalation} over HTTP on scripted cohort histories (each test stores its
 * own study; 21-day DLT window, so a first dose in January is evaluable by March).
 */
class DoseEscalationIT extends FhirServerIT {

	private static final String MARCH = "2025-03-01";

	@Test
	void threePlusThreeEscalatesAfterZeroOfThree() {
		IdType study = store(DoseEscalationStudyBuilder.threePlusThree()
			.subject(1, "2025-01-06")
			.subject(1, "2025-01-08")
			.subject(1, "2025-01-10"));

		Parameters result = doseEscalation(study, MARCH);

		assertThat(level(result, 1)).containsExactly(3, 3, 0, 0);
		assertDecision(result, "escalate", 1, 2);
		assertThat(bool(result, Out.STOPPING_RULE_REACHED)).isFalse();
		assertThat(result.getParameter(Out.MTD)).isNull();
	}

	@Test
	void pendingSubjectsWaitAndLateToxicitiesDoNotCount() {
		// subject 2 has a DLT-flagged event on day 30, outside the 21-day window
		IdType study = store(DoseEscalationStudyBuilder.threePlusThree()
			.subject(1, "2025-01-06", "2025-01-10")
			.subject(1, "2025-01-06", "2025-02-05")
			.subject(1, "2025-01-06"));

		Parameters during = doseEscalation(study, "2025-01-20");
		assertThat(level(during, 1)).containsExactly(3, 1, 1, 2);
		assertDecision(during, "stay", 1, 1);
		assertThat(string(during, Out.REASON)).contains("within the DLT window");

		Parameters after = doseEscalation(study, MARCH);
		assertThat(level(after, 1)).containsExactly(3, 3, 1, 0);
		assertDecision(after, "stay", 1, 1);
		assertThat(string(after, Out.REASON)).contains("expand");

		Parameters before = doseEscalation(study, "2025-01-05");
		assertThat(level(before, 1)).containsExactly(0, 0, 0, 0);
		assertThat(before.getParameter(Out.DECISION)).isNull();
		assertThat(integer(before, Out.NEXT_DOSE_LEVEL)).isEqualTo(1);
	}

	@Test
	void threePlusThreeDeclaresTheMtdBelowAnExceededDose() {
		IdType study = store(DoseEscalationStudyBuilder.threePlusThree()
			.subject(1, "2025-01-06")
			.subject(1, "2025-01-06")
			.subject(1, "2025-01-06")
			.subject(2, "2025-02-03", "2025-02-10")
			.subject(2, "2025-02-03")
			.subject(2, "2025-02-03")
			.subject(2, "2025-03-03")
			.subject(2, "2025-03-03")
			.subject(2, "2025-03-03")
			.subject(3, "2025-04-07", "2025-04-12")
			.subject(3, "2025-04-07", "2025-04-20")
			.subject(3, "2025-04-07"));

		Parameters result = doseEscalation(study, "2025-06-30");

		assertThat(level(result, 2)).containsExactly(6, 6, 1, 0);
		assertThat(level(result, 3)).containsExactly(3, 3, 2, 0);
		assertThat(code(result, Out.DECISION)).isEqualTo("stop");
		assertThat(integer(result, Out.CURRENT_DOSE_LEVEL)).isEqualTo(3);
		assertThat(result.getParameter(Out.NEXT_DOSE_LEVEL)).isNull();
		assertThat(bool(result, Out.STOPPING_RULE_REACHED)).isTrue();
		assertThat(integer(result, Out.MTD)).isEqualTo(2);
	}

	@Test
	void threePlusThreeStopsWithoutMtdWhenTheLowestDoseIsTooToxic() {
		// two DLTs decide even before the third subject completes the window
		IdType study = store(DoseEscalationStudyBuilder.threePlusThree()
			.subject(1, "2025-01-06", "2025-01-12")
			.subject(1, "2025-01-06", "2025-01-14")
			.subject(1, "2025-01-13"));

		Parameters result = doseEscalation(study, "2025-01-20");

		assertThat(level(result, 1)).containsExactly(3, 2, 2, 1);
		assertThat(code(result, Out.DECISION)).isEqualTo("stop");
		assertThat(bool(result, Out.STOPPING_RULE_REACHED)).isTrue();
		assertThat(result.getParameter(Out.MTD)).isNull();
	}

	@Test
	void boinStaysWhenDeEscalationIsIndicatedAtTheLowestDose() {
		IdType study = store(DoseEscalationStudyBuilder.boin(0.3, 30)
			.subject(1, "2025-01-06", "2025-01-12")
			.subject(1, "2025-01-06", "2025-01-15")
			.subject(1, "2025-01-06"));

		Parameters result = doseEscalation(study, MARCH);

		assertThat(level(result, 1)).containsExactly(3, 3, 2, 0);
		assertDecision(result, "stay", 1, 1);
		assertThat(string(result, Out.REASON)).contains("lowest dose");
		assertThat(bool(result, Out.STOPPING_RULE_REACHED)).isFalse();
	}

	@Test
	void boinEliminatesAnOverlyToxicDose() {
		IdType study = store(DoseEscalationStudyBuilder.boin(0.3, 30)
			.subject(1, "2025-01-06")
			.subject(1, "2025-01-06")
			.subject(1, "2025-01-06")
			.subject(2, "2025-02-03", "2025-02-08")
			.subject(2, "2025-02-03", "2025-02-09")
			.subject(2, "2025-02-03", "2025-02-10"));

		Parameters result = doseEscalation(study, "2025-04-01");

		assertDecision(result, "eliminate", 2, 1);
		assertThat(part(result, 2, DoseLevelPart.ISOTONIC_ESTIMATE)).isNull();
		assertThat(part(result, 1, DoseLevelPart.ISOTONIC_ESTIMATE)).isNotNull();
		assertThat(integer(result, Out.MTD)).isEqualTo(1);
	}

	@Test
	void boinStopsWhenTheLowestDoseIsEliminated() {
		IdType study = store(DoseEscalationStudyBuilder.boin(0.3, 30)
			.subject(1, "2025-01-06", "2025-01-08")
			.subject(1, "2025-01-06", "2025-01-09")
			.subject(1, "2025-01-06", "2025-01-10"));

		Parameters result = doseEscalation(study, MARCH);

		assertThat(code(result, Out.DECISION)).isEqualTo("stop");
		assertThat(bool(result, Out.STOPPING_RULE_REACHED)).isTrue();
		assertThat(result.getParameter(Out.MTD)).isNull();
	}

	@Test
	void boinSelectsTheMtdByIsotonicRegressionAtTheMaximumSampleSize() {
		// 0/3 at DL1, 1/6 at DL2: isotonic estimates 0.016 and 0.172, DL2 closest to 0.3
		IdType study = store(DoseEscalationStudyBuilder.boin(0.3, 9)
			.subject(1, "2025-01-06")
			.subject(1, "2025-01-06")
			.subject(1, "2025-01-06")
			.subject(2, "2025-02-03", "2025-02-10")
			.subject(2, "2025-02-03")
			.subject(2, "2025-02-03")
			.subject(2, "2025-03-03")
			.subject(2, "2025-03-03")
			.subject(2, "2025-03-03"));

		Parameters before = doseEscalation(study, "2025-03-10");
		assertDecision(before, "stay", 2, 2);
		assertThat(integer(before, Out.MTD)).isEqualTo(2);

		Parameters result = doseEscalation(study, "2025-04-30");
		assertThat(code(result, Out.DECISION)).isEqualTo("stop");
		assertThat(string(result, Out.REASON)).contains("maximum sample size 9");
		assertThat(integer(result, Out.MTD)).isEqualTo(2);
		assertThat(((org.hl7.fhir.r4.model.DecimalType) part(result, 2, DoseLevelPart.ISOTONIC_ESTIMATE))
			.getValueAsNumber()
			.doubleValue()).isCloseTo(1.05 / 6.1, org.assertj.core.api.Assertions.within(1e-9));
	}

	@Test
	void aStudyWithoutDoseEscalationDesignIsRefused() {
		assertThatThrownBy(() -> doseEscalation(new IdType("ResearchStudy", "rak-part-2-randomized"), MARCH))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("dose-escalation design");
	}

	@Test
	void boinBoundaryTableIsPrintableText() throws IOException, InterruptedException {
		IdType study = store(DoseEscalationStudyBuilder.boin(0.3, 12).subject(1, "2025-01-06"));

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(baseUrl() + "/ResearchStudy/" + study.getIdPart() + "/"
						+ TrialOperations.DOSE_ESCALATION + "?" + In.BOUNDARY_TABLE + "=true"))
				.header("Accept", "text/plain")
				.header("Authorization", bearer())
				.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
		List<String> rows = response.body().lines().filter(l -> l.matches(" *\\d+ \\|.*")).toList();
		// BOIN get.boundary(target = 0.3): n = 3 -> 0 / 2 / 3, n = 6 -> 1 / 3 / 4
		assertThat(rows).hasSize(12);
		assertThat(rows.get(2).replace(" ", "")).isEqualTo("3|0|2|3");
		assertThat(rows.get(5).replace(" ", "")).isEqualTo("6|1|3|4");
		assertThat(rows.get(0).replace(" ", "")).isEqualTo("1|0|1|-");
	}

	@Test
	void threePlusThreeRuleTableComesAsABinaryToFhirClients() {
		IdType study = store(DoseEscalationStudyBuilder.threePlusThree().subject(1, "2025-01-06"));

		Binary table = client.operation()
			.onInstance(study)
			.named(TrialOperations.DOSE_ESCALATION)
			.withParameter(Parameters.class, In.BOUNDARY_TABLE, new BooleanType(true))
			.useHttpGet()
			.returnResourceType(Binary.class)
			.execute();

		assertThat(table.getContentType()).isEqualTo("text/plain");
		assertThat(new String(table.getData(), StandardCharsets.UTF_8)).contains("3+3", "1/3", "2/3 or more");
	}

	private IdType store(DoseEscalationStudyBuilder builder) {
		Bundle response = client.transaction().withBundle(builder.transaction()).execute();
		return new IdType(response.getEntryFirstRep().getResponse().getLocation()).toUnqualifiedVersionless();
	}

	private Parameters doseEscalation(IdType study, String cutoff) {
		return client.operation()
			.onInstance(new IdType(ResearchStudy.class.getSimpleName(), study.getIdPart()))
			.named(TrialOperations.DOSE_ESCALATION)
			.withParameter(Parameters.class, In.CUTOFF, new DateType(cutoff))
			.useHttpGet()
			.execute();
	}

	/** treated, dltEvaluable, dlts, pending of one dose level. */
	private static List<Integer> level(Parameters result, int ordinal) {
		return List.of(DoseLevelPart.TREATED, DoseLevelPart.DLT_EVALUABLE, DoseLevelPart.DLTS, DoseLevelPart.PENDING)
			.stream()
			.map(name -> ((IntegerType) part(result, ordinal, name)).getValue())
			.toList();
	}

	private static Type part(Parameters result, int ordinal, String name) {
		ParametersParameterComponent level = result.getParameters(Out.DOSE_LEVEL)
			.stream()
			.filter(l -> ((IntegerType) partOf(l, DoseLevelPart.ORDINAL)).getValue() == ordinal)
			.findFirst()
			.orElseThrow();
		return partOf(level, name);
	}

	private static Type partOf(ParametersParameterComponent group, String name) {
		return group.getPart()
			.stream()
			.filter(p -> p.getName().equals(name))
			.map(p -> p.getValue())
			.findFirst()
			.orElse(null);
	}

	private static void assertDecision(Parameters result, String decision, int current, int next) {
		assertThat(code(result, Out.DECISION)).isEqualTo(decision);
		assertThat(integer(result, Out.CURRENT_DOSE_LEVEL)).isEqualTo(current);
		assertThat(integer(result, Out.NEXT_DOSE_LEVEL)).isEqualTo(next);
	}

	private static String code(Parameters result, String name) {
		Coding coding = (Coding) result.getParameter(name).getValue();
		assertThat(coding.getSystem()).isEqualTo(TrialCodeSystems.DOSE_DECISION);
		return coding.getCode();
	}

	private static int integer(Parameters result, String name) {
		return ((IntegerType) result.getParameter(name).getValue()).getValue();
	}

	private static boolean bool(Parameters result, String name) {
		return ((BooleanType) result.getParameter(name).getValue()).booleanValue();
	}

	private static String string(Parameters result, String name) {
		return ((PrimitiveType<?>) result.getParameter(name).getValue()).getValueAsString();
	}

}
