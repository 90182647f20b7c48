package org.trialfhir.server.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.SampleResources;
import org.trialfhir.server.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens over real HTTP: each kind of bad token gets {@code 401} with an
 * OperationOutcome and a bearer challenge, stores nothing and leaves an AuditEvent; a
 * valid token whose scopes do not allow the call gets {@code 403}.
 */
class TokenIT extends FhirServerIT {

	private static final String LOGIN_FAILURES = "AuditEvent?subtype=http://dicom.nema.org/resources/ontology/DCM|110122";

	private static final String REFUSALS = "AuditEvent?type=http://dicom.nema.org/resources/ontology/DCM|110113"
			+ "&subtype=http://dicom.nema.org/resources/ontology/DCM|110113";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	private AuditTrail audit;

	static Stream<Arguments> badTokens() throws Exception {
		RSAKey otherKey = new RSAKeyGenerator(2048).keyID("other").generate();
		List<String> roles = List.of("admin");
		List<String> scopes = TestTokens.ALL_SCOPES;
		Instant now = Instant.now();
		String algNone = new PlainJWT(new JWTClaimsSet.Builder().issuer(TestTokens.issuer())
			.audience(TestTokens.AUDIENCE)
			.subject("mallory")
			.claim("roles", roles)
			.claim("scope", "user/*.cruds")
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.build()).serialize();
		String noExpiry = TestTokens.sign(new JWTClaimsSet.Builder().issuer(TestTokens.issuer())
			.audience(TestTokens.AUDIENCE)
			.subject("forever")
			.claim("roles", roles)
			.claim("scope", "user/*.cruds")
			.issueTime(Date.from(now))
			.build());
		return Stream.of(Arguments.of("no expiry", noExpiry),
				Arguments.of("lifetime over the maximum",
						TestTokens.signer()
							.issue(new DevelopmentIssuer.TokenRequest(TestTokens.issuer(), TestTokens.AUDIENCE, "long",
									roles, scopes, Duration.ofDays(30), Optional.empty()))),
				Arguments.of("missing", null), Arguments.of("garbage", "not-a-token"),
				Arguments.of("expired",
						TestTokens.signer()
							.issue(new DevelopmentIssuer.TokenRequest(TestTokens.issuer(), TestTokens.AUDIENCE, "late",
									roles, scopes, Duration.ofMinutes(-10), Optional.of(now.minusSeconds(7200))))),
				Arguments.of("not yet valid",
						TestTokens.signer()
							.issue(new DevelopmentIssuer.TokenRequest(TestTokens.issuer(), TestTokens.AUDIENCE, "early",
									roles, scopes, Duration.ofHours(2), Optional.of(now.plusSeconds(1800))))),
				Arguments.of("wrong issuer",
						TestTokens.signer()
							.issue(new DevelopmentIssuer.TokenRequest("https://issuer.example.org", TestTokens.AUDIENCE,
									"stranger", roles, scopes, Duration.ofHours(1), Optional.empty()))),
				Arguments.of("wrong audience",
						TestTokens.signer()
							.issue(new DevelopmentIssuer.TokenRequest(TestTokens.issuer(), "another-api", "stranger",
									roles, scopes, Duration.ofHours(1), Optional.empty()))),
				Arguments.of("bad signature",
						new DevelopmentIssuer(otherKey, TestTokens.AUDIENCE, "roles")
							.issue(new DevelopmentIssuer.TokenRequest(TestTokens.issuer(), TestTokens.AUDIENCE,
									"forger", roles, scopes, Duration.ofHours(1), Optional.empty()))),
				Arguments.of("alg none", algNone));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void aBadTokenIsRefusedStoresNothingAndIsAudited(String kind, String token) throws Exception {
		int failuresBefore = count(LOGIN_FAILURES);
		Patient patient = SampleResources.patient();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/Patient"))
			.header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(patient)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());

		assertThat(response.statusCode()).as(kind).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
		OperationOutcome outcome = (OperationOutcome) FHIR.newJsonParser().parseResource(response.body());
		assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
		assertThat(stored(patient)).as("nothing stored").isZero();
		assertThat(audit.flush(10_000)).isTrue();
		assertThat(count(LOGIN_FAILURES)).as("audited").isGreaterThan(failuresBefore);
	}

	@Test
	void aScopeThatDoesNotAllowTheCallGets403() throws Exception {
		int refusalsBefore = count(REFUSALS);
		var readOnlyPatients = clientWithToken(TestTokens.tokenWithScopes(List.of("user/Patient.rs"), "admin"));
		Observation observation = SampleResources.bodySurfaceArea(new Reference("Patient/patient-li-na"));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/Observation"))
			.header("Content-Type", "application/fhir+json")
			.header("Authorization", "Bearer " + TestTokens.tokenWithScopes(List.of("user/Patient.rs"), "admin"))
			.POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(observation)))
			.build(), BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(FHIR.newJsonParser().parseResource(response.body())).isInstanceOf(OperationOutcome.class);
		Bundle stored = client.search()
			.byUrl("Observation?identifier=" + observation.getIdentifierFirstRep().getSystem() + "|"
					+ observation.getIdentifierFirstRep().getValue())
			.returnBundle(Bundle.class)
			.execute();
		assertThat(stored.getEntry()).as("nothing stored").isEmpty();
		assertThat(readOnlyPatients.read().resource(Patient.class).withId("patient-li-na").execute()).isNotNull();
		assertThat(audit.flush(10_000)).isTrue();
		assertThat(count(REFUSALS)).as("audited").isGreaterThan(refusalsBefore);
	}

	@Test
	void aValidTokenWithoutATrialRoleMayDoNothing() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/Patient"))
			.header("Authorization", "Bearer " + TestTokens.token("visitor"))
			.GET()
			.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void theCapabilityStatementNeedsNoToken() throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/metadata")).GET().build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("CapabilityStatement");
	}

	private int stored(Patient patient) {
		Bundle found = client.search()
			.byUrl("Patient?identifier=" + patient.getIdentifierFirstRep().getSystem() + "|"
					+ patient.getIdentifierFirstRep().getValue())
			.returnBundle(Bundle.class)
			.execute();
		return found.getEntry().size();
	}

	private int count(String search) {
		return clientAs("dsmb").search()
			.byUrl(search + "&_summary=count")
			.returnBundle(Bundle.class)
			.execute()
			.getTotal();
	}

}
