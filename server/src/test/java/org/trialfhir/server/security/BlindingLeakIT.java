package org.trialfhir.server.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak suite: for every blinded role and every way data leaves the server, the raw
 * response bytes contain no arm name, study-product code or display, lot number or
 * study-product dose of a trial with known arms ({@link TrialWithKnownArms}); paging
 * links are followed. The same calls by an unblinded role do show them, so the scan can
 * fail. Searching, sorting and {@code _has}-filtering by arm is refused for blinded roles
 * only, and no search response to a blinded role carries a {@code total}.
 */
class BlindingLeakIT extends FhirServerIT {

	private static final List<String> BLINDED_ROLES = List.of("investigator", "coordinator", "ehr-interface", "admin");

	private static final List<String> UNBLINDED_ROLES = List.of("pharmacist", "unblinded-statistician", "dsmb");

	private static final Pattern NEXT_LINK = Pattern
		.compile("\"relation\"\\s*:\\s*\"next\"\\s*,\\s*\"url\"\\s*:\\s*\"([^\"]+)\"");

	private static final int MAX_PAGES = 40;

	private static TrialWithKnownArms trial;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void storeTrialOnce() {
		synchronized (BlindingLeakIT.class) {
			if (trial == null) {
				trial = TrialWithKnownArms.store(client);
			}
		}
	}

	/** Read paths, relative to the FHIR base, each followed through its paging links. */
	private static List<String> readPaths(TrialWithKnownArms t) {
		String study = t.study().getValue();
		String subject = t.subjectAlpha().getValue();
		String patient = t.patientAlpha().getValue();
		return List.of(subject, subject + "/_history/1", subject + "/_history", "ResearchSubject/_history?_count=50",
				"_history?_count=100", "ResearchSubject?study=" + study, "ResearchSubject?study=" + study + "&_count=1",
				"ResearchSubject?study=" + study
						+ "&_include=ResearchSubject:study&_include=ResearchSubject:individual",
				"ResearchSubject?study=" + study + "&_elements=assignedArm,actualArm",
				"ResearchSubject?study=" + study + "&_summary=true",
				"ResearchSubject?study=" + study + "&_summary=data",
				"ResearchSubject?_id=" + t.subjectBeta().getIdPart(),
				"Patient?_id=" + t.patientAlpha().getIdPart() + "&_revinclude=ResearchSubject:individual"
						+ "&_revinclude=MedicationAdministration:subject&_revinclude=AdverseEvent:subject",
				"ResearchStudy?_id=" + t.study().getIdPart() + "&_revinclude=ResearchSubject:study",
				patient + "/$everything", t.patientBeta().getValue() + "/$everything", study, study + "/_history/1",
				t.infusionAlpha().getValue(), t.infusionAlpha().getValue() + "/_history",
				"MedicationAdministration?subject=" + patient,
				"MedicationAdministration?subject=" + t.patientBeta().getValue() + "&_elements=medication,dosage",
				"MedicationAdministration/_history?_count=50", t.adverseEvent().getValue(),
				"AdverseEvent?subject=" + patient + "&_include=AdverseEvent:substance",
				"AdverseEvent/_history?_count=50");
	}

	/** Searches that would sort or filter by arm: refused for blinded roles. */
	private static List<String> armSearches(TrialWithKnownArms t) {
		String study = t.study().getValue();
		return List.of("ResearchSubject?assigned-arm=" + TrialWithKnownArms.ALPHA,
				"ResearchSubject?actual-arm=" + TrialWithKnownArms.BETA, "ResearchSubject?assigned-arm:missing=false",
				"ResearchSubject?study=" + study + "&_sort=assigned-arm",
				"ResearchSubject?study=" + study + "&_sort=-actual-arm",
				"Patient?_has:ResearchSubject:individual:assigned-arm=" + TrialWithKnownArms.ALPHA,
				"ResearchSubject?study=" + study + "&assigned-arm=" + TrialWithKnownArms.ALPHA);
	}

	static Stream<Arguments> blindedRoles() {
		return BLINDED_ROLES.stream().map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedRoles")
	void noReadPathRevealsAnArmOrTheStudyProduct(String role) throws Exception {
		String token = TestTokens.token(role);
		int answered = 0;
		for (String path : readPaths(trial)) {
			for (Response response : getWithPages(token, path)) {
				assertNoSecret(role, response);
				assertThat(response.status()).as(role + " " + response.url()).isIn(200, 403);
				if (response.status() == 200) {
					answered++;
					assertThat(response.body()).as("no total for a blinded caller: " + response.url())
						.doesNotContain("\"total\"");
				}
			}
		}
		assertThat(answered).as("the role reads something").isGreaterThan(0);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedRoles")
	void aBatchOfReadsRevealsNothing(String role) throws Exception {
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		for (String path : readPaths(trial)) {
			batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl(path);
		}
		Response response = send(TestTokens.token(role),
				HttpRequest.newBuilder(URI.create(baseUrl()))
					.header("Content-Type", "application/fhir+json")
					.POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(batch))));
		assertNoSecret(role, response);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedRoles")
	void searchingSortingOrFilteringByArmIsRefused(String role) throws Exception {
		String token = TestTokens.token(role);
		for (String path : armSearches(trial)) {
			Response response = get(token, baseUrl() + "/" + path);
			assertThat(response.status()).as(role + " " + path).isEqualTo(403);
			assertThat(response.body()).contains("OperationOutcome");
			assertNoSecret(role, response);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedRoles")
	void aBlindedCallerGetsNoCounts(String role) throws Exception {
		for (String path : List.of("ResearchSubject?study=" + trial.study().getValue() + "&_summary=count",
				"ResearchSubject?study=" + trial.study().getValue() + "&_total=accurate")) {
			Response response = get(TestTokens.token(role), baseUrl() + "/" + path);
			assertThat(response.status()).as(role + " " + path).isIn(200, 400, 403);
			assertThat(response.body()).doesNotContain("\"total\"");
		}
	}

	@Test
	void unblindedRolesSeeArmsProductsAndLotsOnTheSamePaths() throws Exception {
		for (String role : UNBLINDED_ROLES) {
			String token = TestTokens.token(role);
			String subject = body(get(token, baseUrl() + "/" + trial.subjectAlpha().getValue()));
			assertThat(subject).contains(TrialWithKnownArms.ALPHA);
			String everything = allPages(token, trial.patientAlpha().getValue() + "/$everything");
			assertThat(everything).contains(TrialWithKnownArms.ALPHA, TrialWithKnownArms.LOT, TrialWithKnownArms.DOSE,
					"rak-cells");
			String history = allPages(token, trial.infusionBeta().getValue() + "/_history");
			assertThat(history).contains("\"control\"", TrialWithKnownArms.LOT);
			String event = body(get(token, baseUrl() + "/" + trial.adverseEvent().getValue()));
			assertThat(event).contains(TrialWithKnownArms.LOT);
			String sorted = allPages(token,
					"ResearchSubject?study=" + trial.study().getValue() + "&_sort=assigned-arm");
			assertThat(sorted.indexOf(TrialWithKnownArms.ALPHA)).isLessThan(sorted.indexOf(TrialWithKnownArms.BETA));
			String byArm = body(get(token, baseUrl() + "/ResearchSubject?assigned-arm=" + TrialWithKnownArms.BETA
					+ "&study=" + trial.study().getValue() + "&_summary=count"));
			assertThat(byArm).containsPattern("\"total\"\\s*:\\s*1\\b");
		}
	}

	@Test
	void theMaskedValuesSayTheyAreMasked() throws Exception {
		String subject = body(get(TestTokens.token("investigator"), baseUrl() + "/" + trial.subjectAlpha().getValue()));
		assertThat(subject).contains("\"_assignedArm\"", "data-absent-reason", "\"masked\"");
		String infusion = body(
				get(TestTokens.token("investigator"), baseUrl() + "/" + trial.infusionAlpha().getValue()));
		assertThat(infusion).contains("study-cell-product");
	}

	@Test
	void bulkExportAndGraphQlAreNotAvailable() throws Exception {
		for (String role : List.of("investigator", "admin", "dsmb")) {
			String token = TestTokens.token(role);
			for (String path : List.of("$export", "Patient/$export", "Group/x/$export",
					"$graphql?query=%7BResearchSubjectList%7BassignedArm%7D%7D")) {
				Response response = get(token, baseUrl() + "/" + path);
				assertThat(response.status()).as(role + " " + path).isBetween(400, 499);
				assertNoSecret(role, response);
			}
		}
	}

	private void assertNoSecret(String role, Response response) {
		for (String secret : TrialWithKnownArms.SECRETS) {
			int at = response.body().indexOf(secret);
			String context = at < 0 ? ""
					: response.body().substring(Math.max(0, at - 300), Math.min(response.body().length(), at + 100));
			assertThat(at).as(role + " must not see '" + secret + "' in " + response.url() + ": ..." + context)
				.isNegative();
		}
	}

	private List<Response> getWithPages(String token, String path) throws Exception {
		List<Response> pages = new ArrayList<>();
		String url = baseUrl() + "/" + path;
		for (int page = 0; url != null && page < MAX_PAGES; page++) {
			Response response = get(token, url);
			pages.add(response);
			Matcher next = NEXT_LINK.matcher(response.body());
			url = next.find() ? next.group(1) : null;
		}
		return pages;
	}

	private String allPages(String token, String path) throws Exception {
		StringBuilder all = new StringBuilder();
		for (Response response : getWithPages(token, path)) {
			all.append(body(response));
		}
		return all.toString();
	}

	private static String body(Response response) {
		assertThat(response.status()).as(response.url() + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private Response get(String token, String url) throws IOException, InterruptedException {
		return send(token, HttpRequest.newBuilder(URI.create(url)).GET());
	}

	private Response send(String token, HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpRequest built = request.header("Authorization", "Bearer " + token)
			.header("Accept", "application/fhir+json")
			.build();
		HttpResponse<byte[]> response = http.send(built, BodyHandlers.ofByteArray());
		return new Response(built.uri().toString(), response.statusCode(),
				new String(response.body(), StandardCharsets.UTF_8));
	}

	private record Response(String url, int status, String body) {
	}

}
