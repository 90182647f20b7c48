package org.trialfhir.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CapabilityStatement and the operational endpoints (health public, metrics for the
 * operations user only).
 */
class CapabilityAndHealthIT extends FhirServerIT {

	private static final List<String> TRIAL_TYPES = List.of("Patient", "ResearchStudy", "ResearchSubject",
			"Observation", "MedicationAdministration", "AdverseEvent");

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void capabilityStatementListsTheTrialTypesWithFullInteractions() {
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();

		assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
		List<CapabilityStatementRestResourceComponent> resources = capabilities.getRestFirstRep().getResource();
		assertThat(resources).extracting(CapabilityStatementRestResourceComponent::getType).containsAll(TRIAL_TYPES);
		for (String type : TRIAL_TYPES) {
			CapabilityStatementRestResourceComponent resource = resources.stream()
				.filter(r -> r.getType().equals(type))
				.findFirst()
				.orElseThrow();
			assertThat(resource.getInteraction()).extracting(i -> i.getCode())
				.contains(TypeRestfulInteraction.READ, TypeRestfulInteraction.VREAD, TypeRestfulInteraction.UPDATE,
						TypeRestfulInteraction.DELETE, TypeRestfulInteraction.CREATE, TypeRestfulInteraction.SEARCHTYPE,
						TypeRestfulInteraction.HISTORYINSTANCE);
			assertThat(resource.getConditionalCreate()).isTrue();
		}
		assertThat(capabilities.getRestFirstRep().getInteraction()).extracting(i -> i.getCode().toCode())
			.contains("transaction", "batch");
		CapabilityStatementRestResourceComponent patient = resources.stream()
			.filter(r -> r.getType().equals("Patient"))
			.findFirst()
			.orElseThrow();
		assertThat(patient.getOperation()).extracting(o -> o.getName()).contains("everything", "validate");
	}

	@Test
	void healthProbesArePublicAndIncludeTheDatabase() throws Exception {
		assertThat(get("/actuator/health/liveness", null).body()).contains("\"UP\"");
		HttpResponse<String> readiness = get("/actuator/health/readiness", null);
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");
		HttpResponse<String> health = get("/actuator/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
	}

	@Test
	void metricsNeedTheOperationsUser() throws Exception {
		assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/metrics", "ops:wrong").statusCode()).isEqualTo(401);
		HttpResponse<String> metrics = get("/actuator/metrics", "ops:" + TrialServerTest.OPS_PASSWORD);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm.memory.used", "hikaricp.connections");
	}

	private HttpResponse<String> get(String path, String basicCredentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rootUrl() + path)).GET();
		if (basicCredentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(basicCredentials.getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

}
