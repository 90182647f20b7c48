package org.trialfhir.server.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.profiles.TrialCodes.StudyProduct;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.SampleResources;
import org.trialfhir.server.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blinded writers (coordinator, investigator, EHR interface) cannot set or change an arm
 * or name the study cell product inside a transaction or batch either: a transaction that
 * POSTs or PUTs such a ResearchSubject or MedicationAdministration is refused with
 * {@code 403} and an OperationOutcome, and nothing of the bundle is stored (not even the
 * harmless Patient beside it); in a batch the entry is refused with {@code 403} and not
 * stored (a role that may not write the type at all is refused the whole batch). (For the
 * coordinator, who may write both types, only {@link BlindedWriteGuard} stands in the
 * way; the others are also refused by their permissions.)
 */
class BlindedBundleWriteIT extends FhirServerIT {

	private static final List<String> BLINDED_WRITERS = List.of("coordinator", "investigator", "ehr-interface");

	private static TrialWithKnownArms trial;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void storeTrialOnce() {
		synchronized (BlindedBundleWriteIT.class) {
			if (trial == null) {
				trial = TrialWithKnownArms.store(client);
			}
		}
	}

	static Stream<Arguments> blindedWriters() {
		return BLINDED_WRITERS.stream().map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedWriters")
	void aTransactionCreatingASubjectWithAnArmStoresNothing(String role) throws Exception {
		Patient patient = SampleResources.patient();
		ResearchSubject subject = SampleResources.subject(new Reference(trial.study()),
				new Reference(trial.patientAlpha()));
		subject.setAssignedArm(TrialWithKnownArms.ALPHA).setActualArm(TrialWithKnownArms.ALPHA);

		assertRefused(role, transaction(post(patient), post(subject)));
		assertNotStored("Patient", patient.getIdentifierFirstRep());
		assertNotStored("ResearchSubject", subject.getIdentifierFirstRep());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedWriters")
	void aTransactionPuttingASubjectWithAnArmUnderANewIdStoresNothing(String role) throws Exception {
		Patient patient = SampleResources.patient();
		ResearchSubject subject = SampleResources.subject(new Reference(trial.study()),
				new Reference(trial.patientBeta()));
		subject.setAssignedArm(TrialWithKnownArms.BETA).setActualArm(null);
		String id = "bundle-arm-" + role + "-" + Long.toHexString(System.nanoTime());
		subject.setId("ResearchSubject/" + id);

		assertRefused(role, transaction(post(patient), put(subject, "ResearchSubject/" + id)));
		assertNotStored("Patient", patient.getIdentifierFirstRep());
		assertNotStored("ResearchSubject", subject.getIdentifierFirstRep());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedWriters")
	void aTransactionChangingAnArmChangesNothing(String role) throws Exception {
		Patient patient = SampleResources.patient();
		ResearchSubject subject = client.read()
			.resource(ResearchSubject.class)
			.withId(trial.subjectAlpha().getIdPart())
			.execute();
		subject.setAssignedArm(TrialWithKnownArms.BETA).setActualArm(TrialWithKnownArms.BETA);
		subject.getMeta().setVersionId(null);

		assertRefused(role,
				transaction(post(patient), put(subject, "ResearchSubject/" + trial.subjectAlpha().getIdPart())));
		assertNotStored("Patient", patient.getIdentifierFirstRep());
		ResearchSubject stored = client.read()
			.resource(ResearchSubject.class)
			.withId(trial.subjectAlpha().getIdPart())
			.execute();
		assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
		assertThat(stored.getAssignedArm()).isEqualTo(TrialWithKnownArms.ALPHA);
		assertThat(stored.getActualArm()).isEqualTo(TrialWithKnownArms.ALPHA);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedWriters")
	void aTransactionNamingTheStudyProductStoresNothing(String role) throws Exception {
		for (StudyProduct product : List.of(StudyProduct.RAK_CELLS, StudyProduct.CONTROL)) {
			Patient patient = SampleResources.patient();
			MedicationAdministration named = administration(product);

			assertRefused(role, transaction(post(patient), post(named)));
			assertNotStored("Patient", patient.getIdentifierFirstRep());
			assertNotStored("MedicationAdministration", named.getIdentifierFirstRep());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedWriters")
	void aTransactionRenamingAStoredProductChangesNothing(String role) throws Exception {
		MedicationAdministration stored = client.read()
			.resource(MedicationAdministration.class)
			.withId(trial.infusionBeta().getIdPart())
			.execute();
		stored.setMedication(product(StudyProduct.RAK_CELLS));
		stored.getMeta().setVersionId(null);

		assertRefused(role, transaction(put(stored, "MedicationAdministration/" + trial.infusionBeta().getIdPart())));
		MedicationAdministration after = client.read()
			.resource(MedicationAdministration.class)
			.withId(trial.infusionBeta().getIdPart())
			.execute();
		assertThat(after.getMeta().getVersionId()).isEqualTo("1");
		assertThat(after.getMedicationCodeableConcept().getCodingFirstRep().getCode())
			.isEqualTo(StudyProduct.CONTROL.code());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedWriters")
	void aBatchEntryWithAnArmOrTheProductIsRefusedAndNotStored(String role) throws Exception {
		ResearchSubject subject = SampleResources.subject(new Reference(trial.study()),
				new Reference(trial.patientAlpha()));
		subject.setAssignedArm(TrialWithKnownArms.ALPHA).setActualArm(null);
		MedicationAdministration named = administration(StudyProduct.RAK_CELLS);
		Bundle batch = transaction(post(subject), post(named)).setType(BundleType.BATCH);

		HttpResponse<String> response = send(role, batch);

		// a role without write permission on a type is refused the whole batch
		assertThat(response.statusCode()).as(role + ": " + response.body()).isIn(200, 403);
		if (response.statusCode() == 200) {
			Bundle result = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
			assertThat(result.getEntry()).hasSize(2).allSatisfy(entry -> {
				assertThat(entry.getResponse().getStatus()).as(role).startsWith("403");
				assertThat(entry.getResponse().getOutcome()).isNotNull();
			});
		}
		else {
			assertThat(role).as("the coordinator may write both types").isNotEqualTo("coordinator");
			assertThat(response.body()).contains("OperationOutcome");
		}
		assertNotStored("ResearchSubject", subject.getIdentifierFirstRep());
		assertNotStored("MedicationAdministration", named.getIdentifierFirstRep());
	}

	private void assertRefused(String role, Bundle transaction) throws Exception {
		HttpResponse<String> response = send(role, transaction);
		assertThat(response.statusCode()).as(role + ": " + response.body()).isEqualTo(403);
		assertThat(response.body()).contains("OperationOutcome");
	}

	private void assertNotStored(String type, Identifier identifier) {
		Bundle found = client.search()
			.byUrl(type + "?identifier=" + identifier.getSystem() + "|" + identifier.getValue())
			.returnBundle(Bundle.class)
			.execute();
		assertThat(found.getEntry()).as(type + " " + identifier.getValue() + " stored").isEmpty();
	}

	private HttpResponse<String> send(String role, Bundle bundle) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl()))
			.header("Authorization", "Bearer " + TestTokens.token(role))
			.header("Content-Type", "application/fhir+json")
			.header("Accept", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(bundle)))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static MedicationAdministration administration(StudyProduct product) {
		MedicationAdministration named = SampleResources.administration(new Reference(trial.patientAlpha()));
		named.setMedication(product(product));
		named.getDosage().getDose().setValue(100).setUnit("mL").setCode("mL");
		named.getDosage().getExtension().clear();
		return named;
	}

	private static CodeableConcept product(StudyProduct product) {
		return new CodeableConcept(new Coding(product.system(), product.code(), product.display()));
	}

	private static Bundle transaction(Bundle.BundleEntryComponent... entries) {
		Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
		bundle.getEntry().addAll(List.of(entries));
		return bundle;
	}

	private static Bundle.BundleEntryComponent post(Resource resource) {
		Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent()
			.setFullUrl("urn:uuid:" + SampleResources.uniqueId())
			.setResource(resource);
		entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
		return entry;
	}

	private Bundle.BundleEntryComponent put(Resource resource, String url) {
		Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent().setFullUrl(baseUrl() + "/" + url)
			.setResource(resource);
		entry.getRequest().setMethod(HTTPVerb.PUT).setUrl(url);
		return entry;
	}

}
