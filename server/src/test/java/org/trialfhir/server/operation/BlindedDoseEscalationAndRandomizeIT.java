package org.trialfhir.server.operation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodes.Stratum;
import org.trialfhir.profiles.TrialCodes.StudyProduct;
import org.trialfhir.profiles.TrialExtensions;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.In;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.IgExamples;
import org.trialfhir.server.SampleResources;
import org.trialfhir.server.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak suite over {@code $dose-escalation} (part 1) and {@code $randomize} (part 2):
 * for every blinded role the raw response (status line aside: headers and body) names no
 * arm, no RAK-cell or control product code or display, and no lot number.
 * <p>
 * <b>Part 1 is open label.</b> Following {@code ArmMasking} ("dose levels lose the arm
 * they name") and DESIGN.md (the arm is masked in every way data leaves the server), the
 * dose levels themselves — ordinal, dose, and per-level treated/DLT counts, decision, MTD
 * — are legitimately visible to blinded roles (escalation decisions need them, so
 * {@code $dose-escalation} is never pooled), but the arm <em>names</em> of the levels are
 * not. {@code $dose-escalation} names no arm for any caller, so its control is that an
 * unblinded caller reading the same study sees the distinctive arm names (they are in the
 * data the operation reads) and gets exactly the same result as the blinded roles.
 * <p>
 * <b>{@code $randomize}</b> answers with the new ResearchSubject: blinded roles get it
 * without an arm (a retry as well); the unblinded default client (administrator and
 * unblinded statistician) sees the arm, so the scan can fail. The EHR interface may call
 * neither operation: {@code 403}, and nothing revealed either.
 */
class BlindedDoseEscalationAndRandomizeIT extends FhirServerIT {

	private static final List<String> BLINDED_CALLERS = List.of("investigator", "coordinator", "admin");

	private static final String DOSE_ARM_PREFIX = "ZXDOSEARM";

	private static final String RAK_ARM = "ZXRANDRAK";

	private static final String CONTROL_ARM = "ZXRANDCTRL";

	/** A lot number of the study product (stored with the infusions of the trial). */
	private static final String LOT = "LOT-ZX-4410";

	private static final List<String> SECRETS = List.of(DOSE_ARM_PREFIX, RAK_ARM, CONTROL_ARM, LOT,
			StudyProduct.RAK_CELLS.code(), "\"" + StudyProduct.CONTROL.code() + "\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void doseEscalationShowsDoseLevelsButNoArmToBlindedRoles() throws Exception {
		IdType study = storeDoseEscalation();
		String call = "ResearchStudy/" + study.getIdPart() + "/" + TrialOperations.DOSE_ESCALATION
				+ "?cutoff=2025-03-01";
		String unblinded = get(call, "unblinded-statistician").body();
		assertThat(unblinded).contains("\"doseLevel\"", "\"pooled\"");
		assertThat(get("ResearchStudy/" + study.getIdPart(), "unblinded-statistician").body())
			.as("the arm names are in the data the operation reads")
			.contains(DOSE_ARM_PREFIX + "1", DOSE_ARM_PREFIX + "2");

		for (String role : BLINDED_CALLERS) {
			Response response = get(call, role);
			assertThat(response.status()).as(role + ": " + response.body()).isEqualTo(200);
			assertNoSecret(role, call, response.all());
			Parameters result = FHIR.newJsonParser().parseResource(Parameters.class, response.body());
			assertThat(result.getParameterBool(TrialOperations.Out.POOLED)).as("open label: not pooled").isFalse();
			assertThat(response.body()).as(role + ": same per-dose-level result as an unblinded caller")
				.isEqualTo(unblinded);

			Response table = send(
					HttpRequest.newBuilder(URI.create(baseUrl() + "/" + call + "&" + In.BOUNDARY_TABLE + "=true"))
						.header("Authorization", "Bearer " + TestTokens.token(role))
						.header("Accept", "text/plain")
						.GET());
			assertThat(table.status()).isEqualTo(200);
			assertNoSecret(role, "boundary table", table.all());
		}
		Response ehr = get(call, "ehr-interface");
		assertThat(ehr.status()).isEqualTo(403);
		assertNoSecret("ehr-interface", call, ehr.all());
	}

	@Test
	void randomizeAnswersBlindedRolesWithoutTheArm() throws Exception {
		IdType study = storeRandomizedStudy(12);
		IdType first = patient();
		Response unblinded = randomize(study, first, "default");
		assertThat(unblinded.status()).as(unblinded.body()).isEqualTo(200);
		assertThat(unblinded.body()).as("the unblinded caller sees the arm")
			.containsPattern(RAK_ARM + "|" + CONTROL_ARM);

		for (String role : BLINDED_CALLERS) {
			for (int i = 0; i < 2; i++) {
				IdType patient = patient();
				Response response = randomize(study, patient, role);
				assertThat(response.status()).as(role + ": " + response.body()).isEqualTo(200);
				assertThat(response.body()).contains("ResearchSubject", "MASKED");
				assertNoSecret(role, "$randomize", response.all());
				Response retry = randomize(study, patient, role);
				assertThat(retry.status()).as(role + " retry: " + retry.body()).isEqualTo(200);
				assertNoSecret(role, "$randomize retry", retry.all());
			}
		}
		Response ehr = randomize(study, patient(), "ehr-interface");
		assertThat(ehr.status()).isEqualTo(403);
		assertNoSecret("ehr-interface", "$randomize", ehr.all());
	}

	private IdType storeDoseEscalation() {
		Bundle transaction = DoseEscalationStudyBuilder.threePlusThree()
			.armsNamed(DOSE_ARM_PREFIX)
			.subject(1, "2025-01-06")
			.subject(1, "2025-01-08", "2025-01-20")
			.subject(1, "2025-01-10")
			.subject(2, "2025-02-03")
			.transaction();
		Bundle response = client.transaction().withBundle(transaction).execute();
		return new IdType(response.getEntryFirstRep().getResponse().getLocation()).toUnqualifiedVersionless();
	}

	private IdType storeRandomizedStudy(int plannedEnrollment) {
		ResearchStudy study = IgExamples.get(ResearchStudy.class, "rak-part-2-randomized");
		study.setIdElement(null);
		study.getIdentifierFirstRep().setValue("TEST-P2-" + SampleResources.uniqueId());
		study.getArm().get(0).setName(RAK_ARM).setDescription("RAK cells, lot " + LOT);
		study.getArm().get(1).setName(CONTROL_ARM).setDescription("Control, lot " + LOT);
		study.getExtensionByUrl(TrialExtensions.RECRUITMENT)
			.getExtensionByUrl(TrialExtensions.Recruitment.TARGET_NUMBER)
			.setValue(new UnsignedIntType(plannedEnrollment));
		return (IdType) client.create().resource(study).execute().getId().toUnqualifiedVersionless();
	}

	private IdType patient() {
		return (IdType) client.create()
			.resource(SampleResources.patient())
			.execute()
			.getId()
			.toUnqualifiedVersionless();
	}

	/**
	 * role "default" is the default client's roles (administrator, unblinded
	 * statistician).
	 */
	private Response randomize(IdType study, IdType patient, String role) throws Exception {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName(In.PATIENT).setValue(new Reference(patient.getValue()));
		parameters.addParameter()
			.setName(In.STRATUM)
			.setValue(new Coding(Stratum.ECOG_0.system(), Stratum.ECOG_0.code(), Stratum.ECOG_0.display()));
		parameters.addParameter().setName(In.DATE).setValue(new DateType("2025-05-02"));
		String authorization = "default".equals(role) ? bearer() : "Bearer " + TestTokens.token(role);
		return send(HttpRequest
			.newBuilder(URI.create(baseUrl() + "/" + study.getValue() + "/" + TrialOperations.RANDOMIZE))
			.header("Authorization", authorization)
			.header("Content-Type", "application/fhir+json")
			.header("Accept", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(parameters))));
	}

	private Response get(String call, String role) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/" + call))
			.header("Authorization", "Bearer " + TestTokens.token(role))
			.header("Accept", "application/fhir+json")
			.GET());
	}

	private Response send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Response(response.statusCode(), response.headers().map().toString(), response.body());
	}

	private static void assertNoSecret(String role, String call, String raw) {
		for (String secret : SECRETS) {
			assertThat(raw).as(role + " " + call + " must not reveal " + secret).doesNotContain(secret);
		}
	}

	private record Response(int status, String headers, String body) {

		String all() {
			return headers + "\n" + body;
		}

	}

}
