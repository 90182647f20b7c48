package org.trialfhir.server.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.profiles.TrialCodes.StudyProduct;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.SampleResources;
import org.trialfhir.server.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blinded callers cannot select, sort, filter or count by the study cell product: a
 * search of MedicationAdministration (or Medication*) by RAK cells or control, directly
 * ({@code code}), through a chain ({@code medication.code}, {@code substance:…code}),
 * reverse chain ({@code _has}), {@code _filter}, {@code _sort} or text/value-set
 * modifiers, is refused with {@code 403} like a search by arm — also as the entry of a
 * batch and as the match URL of a conditional create, which run without a request of
 * their own. Searching by the masked code {@code study-cell-product} or by TAS-102 works.
 * Counts ({@code _summary=count} in any spelling, {@code _total}) are refused too, and no
 * response to a blinded caller, nested search bundles of a batch included, carries a
 * {@code total}. An unblinded pharmacist running the same searches finds the RAK-cell
 * infusion and its count, so the refusals hide something.
 */
class StudyProductSearchIT extends FhirServerIT {

	private static final List<String> BLINDED_ROLES = List.of("investigator", "coordinator", "ehr-interface", "admin");

	private static final String SYSTEM = StudyProduct.RAK_CELLS.system();

	private static TrialWithKnownArms trial;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void storeTrialOnce() {
		synchronized (StudyProductSearchIT.class) {
			if (trial == null) {
				trial = TrialWithKnownArms.store(client);
			}
		}
	}

	static Stream<Arguments> blindedRoles() {
		return BLINDED_ROLES.stream().map(Arguments::of);
	}

	/** Searches that select, sort or filter by RAK cells or control. */
	private static List<String> productSearches() {
		String rak = encode(SYSTEM + "|" + StudyProduct.RAK_CELLS.code());
		String control = encode(SYSTEM + "|" + StudyProduct.CONTROL.code());
		String patient = trial.patientAlpha().getValue();
		return List.of("MedicationAdministration?code=" + rak, "MedicationAdministration?code=rak-cells",
				"MedicationAdministration?code=" + control + "&subject=" + patient,
				"MedicationAdministration?code=" + encode(SYSTEM + "|tas-102,") + control,
				"MedicationAdministration?code:not=" + control, "MedicationAdministration?code:text=RAK",
				"MedicationAdministration?code:in=" + encode("http://example.org/ValueSet/rak-only"),
				"MedicationAdministration?code:below=" + rak, "MedicationAdministration?medication.code=" + rak,
				"MedicationAdministration?medication:Medication.code=" + control,
				"MedicationAdministration?subject=" + patient + "&_sort=code", "MedicationAdministration?_sort=-code",
				"MedicationAdministration?_sort=medication.code",
				"MedicationAdministration?_filter=" + encode("code eq rak-cells"),
				"MedicationAdministration?_filter=" + encode("code eq " + SYSTEM + "|tas-102"),
				"Patient?_has:MedicationAdministration:subject:code=" + rak,
				"Patient?_has:MedicationAdministration:patient:code=control",
				"AdverseEvent?substance:MedicationAdministration.code=" + rak, "AdverseEvent?substance.code=" + rak,
				"Medication?code=" + rak, "MedicationRequest?code=" + control, "MedicationDispense?code=" + rak,
				"MedicationStatement?code=" + control, "MedicationAdministration?code=" + rak + "&_summary=count",
				"MedicationAdministration?code=" + rak + "&_summary=COUNT",
				"MedicationAdministration?code=" + rak + "&_total=accurate");
	}

	/** Counts over searches that are otherwise allowed. */
	private static List<String> countSearches() {
		String study = trial.study().getValue();
		return List.of("ResearchSubject?study=" + study + "&_summary=COUNT",
				"ResearchSubject?study=" + study + "&_summary=count,data",
				"ResearchSubject?study=" + study + "&_total=estimate",
				"ResearchSubject?study=" + study + "&_total=ACCURATE",
				"MedicationAdministration?subject=" + trial.patientAlpha().getValue() + "&_total=accurate");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedRoles")
	void searchingByTheStudyProductIsRefused(String role) throws Exception {
		for (String path : productSearches()) {
			Response response = get(role, path);
			assertThat(response.status()).as(role + " " + path + ": " + response.body()).isIn(400, 403);
			if (!path.contains("_summary=count") && !path.contains("_total=accurate")) {
				// HAPI's consent interceptor refuses the exact count values with 400
				// first
				assertThat(response.status()).as(role + " " + path + ": " + response.body()).isEqualTo(403);
			}
			assertThat(response.body()).as(role + " " + path).contains("OperationOutcome");
			assertNothingRevealed(role, path, response.body());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedRoles")
	void countsAreRefusedAndCarryNoTotal(String role) throws Exception {
		for (String path : countSearches()) {
			Response response = get(role, path);
			assertThat(response.status()).as(role + " " + path + ": " + response.body()).isIn(400, 403);
			assertThat(response.body()).as(role + " " + path).doesNotContain("\"total\"");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedRoles")
	void searchingByTheMaskedCodeOrTas102Works(String role) throws Exception {
		for (String code : List.of(StudyProduct.STUDY_CELL_PRODUCT.code(), StudyProduct.TAS_102.code())) {
			String path = "MedicationAdministration?code=" + encode(SYSTEM + "|" + code) + "&subject="
					+ trial.patientAlpha().getValue();
			Response response = get(role, path);
			assertThat(response.status()).as(role + " " + path + ": " + response.body()).isEqualTo(200);
			assertThat(response.body()).as(role + " " + path).doesNotContain("\"total\"");
			assertNothingRevealed(role, path, response.body());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedRoles")
	void aBatchOfProductArmOrCountSearchesIsRefusedEntryByEntry(String role) throws Exception {
		String study = trial.study().getValue();
		List<String> refused = Stream.concat(productSearches().stream().filter(path -> !path.contains("_filter")),
				Stream.of("ResearchSubject?assigned-arm=" + TrialWithKnownArms.ALPHA,
						"ResearchSubject?study=" + study + "&_sort=actual-arm",
						"Patient?_has:ResearchSubject:individual:assigned-arm=" + TrialWithKnownArms.BETA,
						"ResearchSubject?study=" + study + "&_summary=count"))
			.toList();
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		for (String path : refused) {
			batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl(path);
		}
		batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("ResearchSubject?study=" + study);

		Response response = post(role, batch);

		assertThat(response.status()).as(role + ": " + response.body()).isEqualTo(200);
		assertNothingRevealed(role, "batch", response.body());
		assertThat(response.body()).as(role + " batch").doesNotContain("\"total\"");
		Bundle result = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
		for (int i = 0; i < refused.size(); i++) {
			assertThat(result.getEntry().get(i).getResponse().getStatus()).as(role + " " + refused.get(i))
				.matches("4\\d\\d.*");
		}
		if (!role.equals("ehr-interface")) {
			assertThat(result.getEntry().get(refused.size()).getResponse().getStatus()).startsWith("200");
		}
	}

	@Test
	void aConditionalCreateCannotAskWhetherAPatientGotRakCellsOrAnArm() throws Exception {
		ResearchSubject subject = SampleResources.subject(new Reference(trial.study()),
				new Reference(trial.patientAlpha()));
		subject.setAssignedArm(null).setActualArm(null);
		String ifNoneExist = "individual=" + trial.patientAlpha().getValue() + "&assigned-arm="
				+ TrialWithKnownArms.ALPHA;
		Response byArm = send("coordinator",
				HttpRequest.newBuilder(URI.create(baseUrl() + "/ResearchSubject"))
					.header("If-None-Exist", ifNoneExist)
					.header("Content-Type", "application/fhir+json")
					.POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(subject))));
		assertThat(byArm.status()).as(byArm.body()).isEqualTo(403);

		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry()
			.setFullUrl("urn:uuid:" + SampleResources.uniqueId())
			.setResource(SampleResources.administration(new Reference(trial.patientAlpha())))
			.getRequest()
			.setMethod(HTTPVerb.POST)
			.setUrl("MedicationAdministration")
			.setIfNoneExist("subject=" + trial.patientAlpha().getValue() + "&code="
					+ encode(SYSTEM + "|" + StudyProduct.RAK_CELLS.code()));
		Response byProduct = post("coordinator", transaction);
		assertThat(byProduct.status()).as(byProduct.body()).isEqualTo(403);
	}

	@Test
	void anUnblindedPharmacistFindsAndCountsTheRakCellInfusion() throws Exception {
		String rak = encode(SYSTEM + "|" + StudyProduct.RAK_CELLS.code());
		Response found = get("pharmacist",
				"MedicationAdministration?code=" + rak + "&subject=" + trial.patientAlpha().getValue());
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		assertThat(found.body()).contains(trial.infusionAlpha().getIdPart(), StudyProduct.RAK_CELLS.code(),
				TrialWithKnownArms.LOT);
		Response counted = get("pharmacist", "MedicationAdministration?code=" + rak + "&_summary=count");
		assertThat(counted.body()).containsPattern("\"total\"\\s*:\\s*[1-9]");
		Response byChain = get("pharmacist", "Patient?_has:MedicationAdministration:subject:code=" + rak + "&_id="
				+ trial.patientAlpha().getIdPart());
		assertThat(byChain.body()).contains(trial.patientAlpha().getIdPart());
	}

	private static void assertNothingRevealed(String role, String path, String body) {
		for (String secret : TrialWithKnownArms.SECRETS) {
			assertThat(body).as(role + " " + path + " must not reveal " + secret).doesNotContain(secret);
		}
	}

	private Response get(String role, String path) throws Exception {
		return send(role, HttpRequest.newBuilder(URI.create(baseUrl() + "/" + path)).GET());
	}

	private Response post(String role, Bundle bundle) throws Exception {
		return send(role,
				HttpRequest.newBuilder(URI.create(baseUrl()))
					.header("Content-Type", "application/fhir+json")
					.POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(bundle))));
	}

	private Response send(String role, HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + TestTokens.token(role))
			.header("Accept", "application/fhir+json")
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Response(response.statusCode(), response.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private record Response(int status, String body) {
	}

}
