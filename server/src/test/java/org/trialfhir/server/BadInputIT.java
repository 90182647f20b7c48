package org.trialfhir.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed or unacceptable requests get the right 4xx with an OperationOutcome, and
 * nothing is stored.
 */
class BadInputIT extends FhirServerIT {

	private static final String FHIR_JSON = "application/fhir+json";

	private static final String FHIR_XML = "application/fhir+xml";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void malformedJsonIsRejected() throws Exception {
		assertRejectedAndNothingStored(
				post("Patient", FHIR_JSON, "{\"resourceType\":\"Patient\",\"name\":[{\"family\":"), 400);
	}

	@Test
	void malformedXmlIsRejected() throws Exception {
		assertRejectedAndNothingStored(post("Patient", FHIR_XML,
				"<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"x\"/></Patient>"), 400);
	}

	@Test
	void aBodyOfAnotherResourceTypeIsRejected() throws Exception {
		assertRejectedAndNothingStored(
				post("Patient", FHIR_JSON, "{\"resourceType\":\"Observation\",\"status\":\"final\"}"), 400);
	}

	@Test
	void unknownElementsAreRejected() throws Exception {
		assertRejectedAndNothingStored(
				post("Patient", FHIR_JSON, "{\"resourceType\":\"Patient\",\"favouriteColour\":\"blue\"}"), 400);
	}

	@Test
	void unknownResourceTypeIsRejected() throws Exception {
		HttpResponse<String> response = post("Spaceship", FHIR_JSON, "{\"resourceType\":\"Spaceship\"}");
		assertThat(response.statusCode()).isEqualTo(404);
		assertOperationOutcome(response, "Spaceship");
	}

	@Test
	void nonFhirContentTypeIsRejected() throws Exception {
		HttpResponse<String> response = post("Patient", "text/plain", patientJson());
		assertThat(response.statusCode()).isBetween(400, 499);
		assertOperationOutcome(response, "Content-Type");
		assertThat(count(Patient.class)).isEqualTo(countBefore);
	}

	@Test
	void oversizedBodyWithDeclaredLengthIsRejected() throws Exception {
		assertRejectedAndNothingStored(post("Patient", FHIR_JSON, BodyPublishers.ofString(oversizedPatient())), 413);
	}

	@Test
	void oversizedChunkedBodyIsRejected() throws Exception {
		byte[] body = oversizedPatient().getBytes(StandardCharsets.UTF_8);
		BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
		assertRejectedAndNothingStored(post("Patient", FHIR_JSON, chunked), 413);
	}

	@Test
	void invalidIdIsRejected() throws Exception {
		HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/Patient/bad*id")).GET());
		assertThat(read.statusCode()).isEqualTo(400);
		assertOperationOutcome(read, "bad*id");

		HttpResponse<String> update = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/Patient/bad*id"))
			.header("Content-Type", FHIR_JSON)
			.PUT(BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"id\":\"bad*id\"}")));
		assertThat(update.statusCode()).isEqualTo(400);
		assertOperationOutcome(update, "");
		assertThat(count(Patient.class)).isEqualTo(countBefore);
	}

	@Test
	void updateWithMismatchedIdIsRejected() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/Patient/abc"))
			.header("Content-Type", FHIR_JSON)
			.PUT(BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"id\":\"xyz\"}")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertOperationOutcome(response, "xyz");
	}

	private int countBefore;

	@org.junit.jupiter.api.BeforeEach
	void rememberCount() {
		countBefore = count(Patient.class);
	}

	private void assertRejectedAndNothingStored(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertOperationOutcome(response, "");
		assertThat(count(Patient.class)).isEqualTo(countBefore);
	}

	private static void assertOperationOutcome(HttpResponse<String> response, String expectedText) {
		OperationOutcome outcome = (OperationOutcome) FHIR.newJsonParser().parseResource(response.body());
		assertThat(outcome.getIssue()).isNotEmpty();
		assertThat(outcome.getIssueFirstRep().getSeverity()).isIn(OperationOutcome.IssueSeverity.ERROR,
				OperationOutcome.IssueSeverity.FATAL);
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(expectedText);
	}

	private HttpResponse<String> post(String type, String contentType, String body)
			throws IOException, InterruptedException {
		return post(type, contentType, BodyPublishers.ofString(body));
	}

	private HttpResponse<String> post(String type, String contentType, BodyPublisher body)
			throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/" + type))
			.header("Content-Type", contentType)
			.POST(body));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.header("Accept", FHIR_JSON).header("Authorization", bearer()).build(),
				BodyHandlers.ofString());
	}

	private static String patientJson() {
		return FHIR.newJsonParser().encodeResourceToString(SampleResources.patient());
	}

	/** A valid Patient padded past the test limit with a long text element. */
	private static String oversizedPatient() {
		Patient patient = SampleResources.patient();
		patient.getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED);
		patient.getText()
			.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + "x".repeat(300 * 1024) + "</div>");
		return FHIR.newJsonParser().encodeResourceToString(patient);
	}

}
