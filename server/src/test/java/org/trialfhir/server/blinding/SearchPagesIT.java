package org.trialfhir.server.blinding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.SampleResources;
import org.trialfhir.server.TestTokens;
import org.trialfhir.server.security.DevelopmentIssuer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search pages are keyed by the caller ({@link SearchPageOwners}): a blinded caller who
 * has the id of an unblinded caller's search, or of another blinded user's, gets
 * {@code 404} with an OperationOutcome, the same answer as for an id that does not exist;
 * it pages its own searches. Unblinded callers page any search.
 */
class SearchPagesIT extends FhirServerIT {

	private static final String FAMILY = "Zxpages" + SampleResources.uniqueId().replace("-", "").substring(0, 8);

	private static boolean stored;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeEach
	void storePatientsOnce() {
		synchronized (SearchPagesIT.class) {
			if (!stored) {
				for (int i = 0; i < 3; i++) {
					Patient patient = SampleResources.patient();
					patient.getNameFirstRep().setFamily(FAMILY);
					client.create().resource(patient).execute();
				}
				stored = true;
			}
		}
	}

	static Stream<String> blindedRoles() {
		return Stream.of("investigator", "coordinator", "ehr-interface", "admin");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedRoles")
	void blindedCallerCannotPageAnUnblindedSearch(String role) throws Exception {
		String unblindedSearch = searchId(TestTokens.token(DEFAULT_ROLES));
		Response page = page(TestTokens.token(role), unblindedSearch);
		Response unknown = page(TestTokens.token(role), "00000000-0000-0000-0000-000000000000");

		assertThat(page.status()).as(page.body()).isEqualTo(404);
		assertThat(page.body()).contains("OperationOutcome").doesNotContain(FAMILY);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(page.body()).as("same answer as for an unknown id").isEqualTo(unknown.body());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedRoles")
	void blindedCallerPagesItsOwnSearchButNotAnotherUsers(String role) throws Exception {
		String token = TestTokens.token(role);
		String own = searchId(token);

		Response ownPage = page(token, own);
		assertThat(ownPage.status()).as(ownPage.body()).isEqualTo(200);
		assertThat(ownPage.body()).contains(FAMILY);

		String otherUser = tokenFor("other-" + role, role);
		Response other = page(otherUser, own);
		assertThat(other.status()).as(other.body()).isEqualTo(404);
		assertThat(other.body()).doesNotContain(FAMILY);
	}

	@Test
	void unblindedCallersPageAnySearch() throws Exception {
		String blindedSearch = searchId(TestTokens.token("investigator"));
		for (String role : List.of("pharmacist", "dsmb", "unblinded-statistician")) {
			Response page = page(TestTokens.token(role), blindedSearch);
			assertThat(page.status()).as(role + " " + page.body()).isEqualTo(200);
			assertThat(page.body()).contains(FAMILY);
		}
		String unblindedSearch = searchId(TestTokens.token(DEFAULT_ROLES));
		assertThat(page(TestTokens.token("dsmb"), unblindedSearch).status()).isEqualTo(200);
	}

	/**
	 * Runs {@code Patient?family=...&_count=1} and returns the search id of its paging.
	 */
	private String searchId(String token) throws Exception {
		Response response = send(token, "/Patient?family=" + FAMILY + "&_count=1");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
		String next = Optional.ofNullable(bundle.getLink(Bundle.LINK_NEXT))
			.map(Bundle.BundleLinkComponent::getUrl)
			.orElseThrow(() -> new AssertionError("no next link: " + response.body()));
		String id = next.replaceAll(".*[?&]_getpages=([^&]+).*", "$1");
		assertThat(id).isNotEqualTo(next);
		return id;
	}

	private Response page(String token, String id) throws Exception {
		Response response = send(token, "?_getpages=" + id + "&_getpagesoffset=0&_count=500");
		if (response.status() == 404) {
			OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
			assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
		}
		return response;
	}

	private Response send(String token, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/fhir+json")
			.GET()
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body());
	}

	private static String tokenFor(String subject, String role) {
		return TestTokens.signer()
			.issue(new DevelopmentIssuer.TokenRequest(TestTokens.issuer(), TestTokens.AUDIENCE, subject, List.of(role),
					TestTokens.ALL_SCOPES, Duration.ofHours(1), Optional.empty()));
	}

	private record Response(int status, String body) {
	}

}
