package org.trialfhir.server.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.TestTokens;
import org.trialfhir.server.endpoint.HandBuiltTrialAccess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak suite over the trial's endpoint operations: for every blinded role, no result
 * of {@code $survival} (Parameters, SVG), {@code $response-rate},
 * {@code $adverse-event-summary} or {@code $consort} names an arm or compares arms; the
 * same calls by an unblinded role do (so the scan can fail).
 */
class BlindedOperationsIT extends FhirServerIT {

	private static final Pattern ARM = Pattern.compile("\\bRAK\\b|\\bCONTROL\\b");

	private static final List<String> BLINDED = List.of("investigator", "coordinator");

	private final HttpClient http = HttpClient.newHttpClient();

	private String study;

	@BeforeEach
	void storeTrial() {
		study = HandBuiltTrialAccess.store(client);
	}

	@Test
	void blindedRolesGetPooledResultsWithoutArmsOrComparisons() throws Exception {
		for (String role : BLINDED) {
			for (String call : calls()) {
				String body = get(call, role);
				assertThat(ARM.matcher(body).find()).as(role + " " + call + ": " + body).isFalse();
				assertThat(body).as(role + " " + call).doesNotContain("hazardRatio").doesNotContain("logRank");
			}
		}
	}

	@Test
	void unblindedRolesSeeTheArms() throws Exception {
		for (String call : calls()) {
			String body = get(call, "unblinded-statistician");
			assertThat(ARM.matcher(body).find()).as(call).isTrue();
		}
	}

	private List<String> calls() {
		String base = study + "/";
		String cutoff = "cutoff=2026-06-01";
		return List.of(base + TrialOperations.SURVIVAL + "?endpoint=OS&" + cutoff,
				base + TrialOperations.SURVIVAL + "?endpoint=PFS&_format=svg&" + cutoff,
				base + TrialOperations.RESPONSE_RATE + "?" + cutoff,
				base + TrialOperations.ADVERSE_EVENT_SUMMARY + "?" + cutoff,
				base + TrialOperations.CONSORT + "?" + cutoff);
	}

	private String get(String call, String role) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/" + call))
			.header("Authorization", "Bearer " + TestTokens.token(role))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(role + " " + call + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

}
