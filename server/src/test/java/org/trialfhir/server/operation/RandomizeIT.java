package org.trialfhir.server.operation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodes.Stratum;
import org.trialfhir.profiles.TrialExtensions;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.In;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.IgExamples;
import org.trialfhir.server.SampleResources;
import org.trialfhir.server.TrialServerTest;
import org.trialfhir.server.analysis.randomization.AllocationRatio;
import org.trialfhir.server.analysis.randomization.PermutedBlockRandomization;
import org.trialfhir.server.analysis.randomization.RandomizationAssignment;
import org.trialfhir.server.analysis.randomization.RandomizationList;
import org.trialfhir.server.randomization.AllocationLedger;
import org.trialfhir.server.randomization.RandomizationProperties;
import org.trialfhir.server.randomization.RandomizationSecret;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code $randomize} over HTTP: assignments follow the concealed list reproducibly from
 * the seed and stay balanced, retries are idempotent, bad input stores nothing, and
 * concurrent calls never share a slot or exceed the planned enrollment.
 */
class RandomizeIT extends FhirServerIT {

	private static final String FHIR_JSON = "application/fhir+json";

	@Autowired
	private AllocationLedger ledger;

	@Autowired
	private RandomizationSecret secret;

	@Autowired
	private RandomizationProperties properties;

	@Test
	void assignmentsFollowTheSecretListAndStayBalancedWithinEachStratum() {
		IdType study = study(16);
		List<IdType> patients = patients(12);
		Map<Stratum, List<String>> arms = Map.of(Stratum.ECOG_0, new ArrayList<>(), Stratum.ECOG_1, new ArrayList<>());
		for (int i = 0; i < patients.size(); i++) {
			Stratum stratum = (i % 3 == 2) ? Stratum.ECOG_1 : Stratum.ECOG_0;
			ResearchSubject subject = randomize(study, patients.get(i), stratum, "2025-05-0" + (1 + i % 9));

			assertThat(subject.getIdElement().getIdPart()).isNotBlank();
			assertThat(subject.getStudy().getReference()).isEqualTo(study.getValue());
			assertThat(subject.getIndividual().getReference()).isEqualTo(patients.get(i).getValue());
			assertThat(subject.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-05-0" + (1 + i % 9));
			assertThat(((CodeableConcept) subject.getExtensionByUrl(TrialExtensions.STRATUM).getValue())
				.getCodingFirstRep()
				.getCode()).isEqualTo(stratum.code());
			arms.get(stratum).add(subject.getAssignedArm());
		}

		// reproducible from the seed: the k-th subject of a stratum has the k-th arm of
		// that stratum's list
		RandomizationList list = PermutedBlockRandomization
			.of(AllocationRatio.equal("RAK", "CONTROL"), new LinkedHashSet<>(properties.blockSizes()))
			.generate(secret.seedFor(study.getIdPart()), List.of(Stratum.ECOG_0.code(), Stratum.ECOG_1.code()), 16);
		for (Stratum stratum : List.of(Stratum.ECOG_0, Stratum.ECOG_1)) {
			List<String> expected = list.stratum(stratum.code())
				.assignments()
				.stream()
				.limit(arms.get(stratum).size())
				.map(RandomizationAssignment::arm)
				.toList();
			assertThat(arms.get(stratum)).as(stratum.code()).isEqualTo(expected);
			assertBalanced(arms.get(stratum), maxBlockSize() / 2);
		}
		assertThat(ledger.slots(study.getIdPart())).extracting(AllocationLedger.Slot::sequenceNumber)
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4);
	}

	@Test
	void retryingTheSameRequestReturnsTheSameSubject() {
		IdType study = study(4);
		IdType patient = patients(1).get(0);

		ResearchSubject first = randomize(study, patient, Stratum.ECOG_1, "2025-05-02");
		ResearchSubject again = randomize(study, patient, Stratum.ECOG_1, "2025-05-02");

		assertThat(again.getIdElement().getIdPart()).isEqualTo(first.getIdElement().getIdPart());
		assertThat(again.getAssignedArm()).isEqualTo(first.getAssignedArm());
		assertThat(subjectsIn(study)).isEqualTo(1);
		// the same patient in another stratum is not a retry: refused
		assertRefused(() -> randomize(study, patient, Stratum.ECOG_0, "2025-05-02"), 422, "already randomized");
		assertThat(subjectsIn(study)).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedAndNothingIsStored() {
		IdType study = study(1);
		List<IdType> patients = patients(3);

		assertRefused(() -> randomize(study, new IdType("Patient", "no-such-patient"), Stratum.ECOG_0, "2025-05-02"),
				422, "does not exist");
		assertRefused(() -> randomize(study, patients.get(0), null, "2025-05-02"), 400, In.STRATUM);
		assertRefused(() -> client.operation()
			.onInstance(study)
			.named(TrialOperations.RANDOMIZE)
			.withParameter(Parameters.class, In.PATIENT, new Reference(patients.get(0).getValue()))
			.andParameter(In.STRATUM, new Coding("http://example.org/ecog", "2", null))
			.returnResourceType(ResearchSubject.class)
			.execute(), 400, "Unknown stratum");
		assertRefused(() -> randomize(new IdType("ResearchStudy", "rak-part-1-dose-escalation"), patients.get(0),
				Stratum.ECOG_0, "2025-05-02"), 422, "dose-escalation study");

		// a patient who is already a subject of the study (stored directly)
		client.create()
			.resource(
					SampleResources.subject(new Reference(study.getValue()), new Reference(patients.get(1).getValue())))
			.execute();
		assertRefused(() -> randomize(study, patients.get(1), Stratum.ECOG_0, "2025-05-02"), 422, "already a subject");
		assertThat(subjectsIn(study)).isEqualTo(1);
		assertThat(ledger.slots(study.getIdPart())).isEmpty();

		// the planned enrollment is 1: the first randomization fills it (the directly
		// stored subject does not count: it was not randomized)
		randomize(study, patients.get(0), Stratum.ECOG_0, "2025-05-02");
		assertRefused(() -> randomize(study, patients.get(2), Stratum.ECOG_0, "2025-05-02"), 422, "planned enrollment");
		assertThat(subjectsIn(study)).isEqualTo(2);
		assertThat(ledger.slots(study.getIdPart())).hasSize(1);
	}

	@Test
	void concurrentCallsNeverShareASlotNorExceedTheEnrollment() throws Exception {
		IdType study = study(8);
		List<IdType> patients = patients(30);
		HttpClient http = HttpClient.newHttpClient();
		ExecutorService pool = Executors.newFixedThreadPool(30);
		try {
			List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < patients.size(); i++) {
				Stratum stratum = (i % 2 == 0) ? Stratum.ECOG_0 : Stratum.ECOG_1;
				String body = body(patients.get(i), stratum);
				calls.add(() -> http.send(post(study, body), BodyHandlers.ofString()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResponse<String>> response : pool.invokeAll(calls)) {
				statuses.add(response.get().statusCode());
			}
			assertThat(statuses).containsOnly(200, 422);
			assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(8);

			// the same request retried concurrently: one subject
			IdType retryStudy = study(8);
			String body = body(patients.get(0), Stratum.ECOG_0);
			List<Callable<HttpResponse<String>>> retries = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				retries.add(() -> http.send(post(retryStudy, body), BodyHandlers.ofString()));
			}
			Set<String> ids = new LinkedHashSet<>();
			for (Future<HttpResponse<String>> response : pool.invokeAll(retries)) {
				assertThat(response.get().statusCode()).isEqualTo(200);
				ids.add(FHIR.newJsonParser()
					.parseResource(ResearchSubject.class, response.get().body())
					.getIdElement()
					.getIdPart());
			}
			assertThat(ids).hasSize(1);
			assertThat(subjectsIn(retryStudy)).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		List<AllocationLedger.Slot> slots = ledger.slots(study.getIdPart());
		assertThat(slots).hasSize(8);
		assertThat(slots.stream().map(s -> s.stratum() + "#" + s.sequenceNumber()).distinct()).hasSize(8);
		assertThat(slots.stream().map(AllocationLedger.Slot::enrollmentNumber).sorted().toList()).containsExactly(1, 2,
				3, 4, 5, 6, 7, 8);
		assertThat(slots.stream().map(AllocationLedger.Slot::patientId).distinct()).hasSize(8);
		assertThat(subjectsIn(study)).isEqualTo(8);
		for (String stratum : List.of(Stratum.ECOG_0.code(), Stratum.ECOG_1.code())) {
			List<Integer> sequence = slots.stream()
				.filter(s -> s.stratum().equals(stratum))
				.map(AllocationLedger.Slot::sequenceNumber)
				.toList();
			// no gap and no repeat in the stratum's list
			assertThat(sequence).isEqualTo(java.util.stream.IntStream.rangeClosed(1, sequence.size()).boxed().toList());
		}
	}

	@Test
	void theSecretSeedIsNeverServed() throws Exception {
		IdType study = study(4);
		IdType patient = patients(1).get(0);
		ResearchSubject subject = randomize(study, patient, Stratum.ECOG_0, "2025-05-02");
		String key = properties.seed() != null && !properties.seed().isBlank() ? properties.seed()
				: Files.readString(properties.keyFile()).trim();
		String studySeed = Long.toString(secret.seedFor(study.getIdPart()));
		HttpClient http = HttpClient.newHttpClient();
		for (String path : List.of("/fhir/" + study.getValue(),
				"/fhir/ResearchSubject/" + subject.getIdElement().getIdPart(),
				"/fhir/" + patient.getValue() + "/$everything", "/fhir/ResearchSubject?study=" + study.getValue())) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(rootUrl() + path)).header("Authorization", bearer()).build(),
					BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			String body = response.body();
			assertThat(body).as(path).doesNotContain(key).doesNotContain(studySeed);
		}
		// configuration is not served either, not even to the operations user
		for (String path : List.of("/actuator/env", "/actuator/configprops")) {
			int anonymous = http
				.send(HttpRequest.newBuilder(URI.create(rootUrl() + path)).build(), BodyHandlers.ofString())
				.statusCode();
			String basic = java.util.Base64.getEncoder()
				.encodeToString(("ops:" + TrialServerTest.OPS_PASSWORD).getBytes());
			int ops = http
				.send(HttpRequest.newBuilder(URI.create(rootUrl() + path))
					.header("Authorization", "Basic " + basic)
					.build(), BodyHandlers.ofString())
				.statusCode();
			assertThat(anonymous).as(path).isIn(401, 403, 404);
			// not exposed: outside the actuator chain, refused by the default deny rule
			assertThat(ops).as(path).isIn(403, 404);
		}
	}

	private static int maxBlockSize() {
		return 6;
	}

	private static void assertBalanced(List<String> arms, int maxImbalance) {
		int difference = 0;
		for (String arm : arms) {
			difference += "RAK".equals(arm) ? 1 : -1;
			assertThat(Math.abs(difference)).isLessThanOrEqualTo(maxImbalance);
		}
	}

	private ResearchSubject randomize(IdType study, IdType patient, Stratum stratum, String date) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName(In.PATIENT).setValue(new Reference(patient.getValue()));
		if (stratum != null) {
			parameters.addParameter()
				.setName(In.STRATUM)
				.setValue(new Coding(stratum.system(), stratum.code(), stratum.display()));
		}
		parameters.addParameter().setName(In.DATE).setValue(new DateType(date));
		return client.operation()
			.onInstance(study)
			.named(TrialOperations.RANDOMIZE)
			.withParameters(parameters)
			.returnResourceType(ResearchSubject.class)
			.execute();
	}

	private static void assertRefused(Runnable call, int status, String message) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(BaseServerResponseException.class, ex -> {
			assertThat(ex.getStatusCode()).isEqualTo(status);
			assertThat(ex.getOperationOutcome()).isInstanceOf(OperationOutcome.class);
			assertThat(ex.getMessage()).contains(message);
		});
	}

	private static String body(IdType patient, Stratum stratum) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName(In.PATIENT).setValue(new Reference(patient.getValue()));
		parameters.addParameter().setName(In.STRATUM).setValue(new Coding(stratum.system(), stratum.code(), null));
		return FHIR.newJsonParser().encodeResourceToString(parameters);
	}

	private HttpRequest post(IdType study, String body) {
		return HttpRequest.newBuilder(URI.create(baseUrl() + "/" + study.getValue() + "/" + TrialOperations.RANDOMIZE))
			.header("Content-Type", FHIR_JSON)
			.header("Accept", FHIR_JSON)
			.header("Authorization", bearer())
			.POST(BodyPublishers.ofString(body))
			.build();
	}

	/** A copy of the IG's part-2 study with its own identifier and planned enrollment. */
	private IdType study(int plannedEnrollment) {
		ResearchStudy study = IgExamples.get(ResearchStudy.class, "rak-part-2-randomized");
		study.setIdElement(null);
		study.getIdentifierFirstRep().setValue("TEST-P2-" + SampleResources.uniqueId());
		study.getExtensionByUrl(TrialExtensions.RECRUITMENT)
			.getExtensionByUrl(TrialExtensions.Recruitment.TARGET_NUMBER)
			.setValue(new UnsignedIntType(plannedEnrollment));
		return (IdType) client.create().resource(study).execute().getId().toUnqualifiedVersionless();
	}

	private List<IdType> patients(int count) {
		Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
		for (int i = 0; i < count; i++) {
			Patient patient = SampleResources.patient();
			bundle.addEntry().setResource(patient).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
		}
		return client.transaction()
			.withBundle(bundle)
			.execute()
			.getEntry()
			.stream()
			.map(e -> new IdType(e.getResponse().getLocation()).toUnqualifiedVersionless())
			.collect(Collectors.toList());
	}

	private int subjectsIn(IdType study) {
		return client.search()
			.forResource(ResearchSubject.class)
			.where(ResearchSubject.STUDY.hasId(study.getValue()))
			.returnBundle(Bundle.class)
			.execute()
			.getEntry()
			.size();
	}

}
