package org.trialfhir.server;

import java.util.List;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transactions and batches, conditional (idempotent) writes, includes, paging,
 * {@code $everything} and {@code $validate}.
 */
class TransactionAndSearchIT extends FhirServerIT {

	@Test
	void transactionStoresEntriesAndResolvesPlaceholderReferences() {
		Bundle response = client.transaction().withBundle(enrolmentTransaction(SampleResources.uniqueId())).execute();

		assertThat(response.getType()).isEqualTo(BundleType.TRANSACTIONRESPONSE);
		assertThat(response.getEntry()).hasSize(4)
			.allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("201"));
		IdType subjectId = new IdType(response.getEntry().get(2).getResponse().getLocation());
		ResearchSubject subject = client.read()
			.resource(ResearchSubject.class)
			.withId(subjectId.toVersionless())
			.execute();
		IdType patientId = new IdType(response.getEntry().get(1).getResponse().getLocation());
		assertThat(subject.getIndividual().getReference()).isEqualTo(patientId.toUnqualifiedVersionless().getValue());
	}

	@Test
	void resendingTheSameConditionalTransactionChangesNothing() {
		String identifier = SampleResources.uniqueId();
		Bundle first = client.transaction().withBundle(enrolmentTransaction(identifier)).execute();
		int patients = count(Patient.class);
		int observations = count(Observation.class);

		Bundle second = client.transaction().withBundle(enrolmentTransaction(identifier)).execute();

		assertThat(second.getEntry())
			.allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("200"));
		assertThat(locations(second)).isEqualTo(locations(first));
		assertThat(count(Patient.class)).isEqualTo(patients);
		assertThat(count(Observation.class)).isEqualTo(observations);
	}

	@Test
	void conditionalCreateIsIdempotent() {
		Patient patient = SampleResources.patient();
		String condition = "identifier=" + token(patient.getIdentifierFirstRep());

		MethodOutcome first = client.create().resource(patient).conditionalByUrl("Patient?" + condition).execute();
		MethodOutcome again = client.create().resource(patient).conditionalByUrl("Patient?" + condition).execute();

		assertThat(first.getCreated()).isTrue();
		assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
		assertThat(again.getId().toUnqualifiedVersionless()).isEqualTo(first.getId().toUnqualifiedVersionless());
		Bundle found = client.search().byUrl("Patient?" + condition).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
	}

	@Test
	void conditionalUpdateCreatesThenUpdatesTheSameResource() {
		Patient patient = SampleResources.patient();
		String url = "Patient?identifier=" + token(patient.getIdentifierFirstRep());

		MethodOutcome created = client.update().resource(patient).conditionalByUrl(url).execute();
		patient.getNameFirstRep().setFamily("Corrected");
		MethodOutcome updated = client.update().resource(patient).conditionalByUrl(url).execute();

		assertThat(updated.getId().getIdPart()).isEqualTo(created.getId().getIdPart());
		assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
	}

	@Test
	void aTransactionWithOneBadEntryStoresNothing() {
		int patients = count(Patient.class);
		int studies = count(ResearchStudy.class);
		Bundle bundle = enrolmentTransaction(SampleResources.uniqueId());
		Observation dangling = SampleResources.bodySurfaceArea(new Reference("Patient/does-not-exist"));
		bundle.addEntry().setResource(dangling).getRequest().setMethod(HTTPVerb.POST).setUrl("Observation");

		assertThatThrownBy(() -> client.transaction().withBundle(bundle).execute())
			.isInstanceOfAny(ResourceNotFoundException.class, UnprocessableEntityException.class,
					ca.uhn.fhir.rest.server.exceptions.InvalidRequestException.class)
			.satisfies(ex -> assertThat(
					((ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException) ex).getOperationOutcome())
				.isNotNull());

		assertThat(count(Patient.class)).isEqualTo(patients);
		assertThat(count(ResearchStudy.class)).isEqualTo(studies);
	}

	@Test
	void batchProcessesEntriesIndependently() {
		Bundle batch = new Bundle().setType(BundleType.BATCH);
		batch.addEntry().setResource(SampleResources.patient()).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
		batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Patient/does-not-exist");

		Bundle response = client.transaction().withBundle(batch).execute();

		assertThat(response.getType()).isEqualTo(BundleType.BATCHRESPONSE);
		assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("201");
		assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("404");
	}

	@Test
	void includeAndRevincludeFollowReferences() {
		Bundle stored = client.transaction().withBundle(enrolmentTransaction(SampleResources.uniqueId())).execute();
		String subjectId = new IdType(stored.getEntry().get(2).getResponse().getLocation()).getIdPart();
		String patientId = new IdType(stored.getEntry().get(1).getResponse().getLocation()).getIdPart();

		Bundle included = client.search()
			.byUrl("ResearchSubject?_id=" + subjectId
					+ "&_include=ResearchSubject:individual&_include=ResearchSubject:study")
			.returnBundle(Bundle.class)
			.execute();
		assertThat(typesIn(included)).containsExactlyInAnyOrder("ResearchSubject", "Patient", "ResearchStudy");

		Bundle revincluded = client.search()
			.byUrl("Patient?_id=" + patientId
					+ "&_revinclude=Observation:subject&_revinclude=ResearchSubject:individual")
			.returnBundle(Bundle.class)
			.execute();
		assertThat(typesIn(revincluded)).containsExactlyInAnyOrder("Patient", "Observation", "ResearchSubject");
	}

	@Test
	void searchResultsArePaged() {
		String family = "Paged" + SampleResources.uniqueId().substring(0, 8);
		Bundle batch = new Bundle().setType(BundleType.TRANSACTION);
		for (int i = 0; i < 25; i++) {
			Patient patient = SampleResources.patient();
			patient.getNameFirstRep().setFamily(family);
			batch.addEntry().setResource(patient).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
		}
		client.transaction().withBundle(batch).execute();

		Bundle page = client.search()
			.byUrl("Patient?family=" + family + "&_count=10&_total=accurate")
			.returnBundle(Bundle.class)
			.execute();
		assertThat(page.getTotal()).isEqualTo(25);
		int seen = page.getEntry().size();
		int pages = 1;
		while (page.getLink(Bundle.LINK_NEXT) != null) {
			page = client.loadPage().next(page).execute();
			seen += page.getEntry().size();
			pages++;
		}
		assertThat(seen).isEqualTo(25);
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void patientEverythingReturnsTheCompartment() {
		Bundle stored = client.transaction().withBundle(enrolmentTransaction(SampleResources.uniqueId())).execute();
		IdType patientId = new IdType(stored.getEntry().get(1).getResponse().getLocation()).toUnqualifiedVersionless();

		Bundle everything = client.operation()
			.onInstance(patientId)
			.named("$everything")
			.withNoParameters(Parameters.class)
			.returnResourceType(Bundle.class)
			.execute();

		assertThat(typesIn(everything)).contains("Patient", "Observation", "ResearchSubject");
	}

	@Test
	void validateReportsErrorsWithoutStoring() {
		int patients = count(Patient.class);
		Patient invalid = SampleResources.patient();
		// pat-1: a contact needs a name, telecom, address or organization
		invalid.addContact().setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.MALE);

		MethodOutcome valid = client.validate().resource(SampleResources.patient()).execute();
		OperationOutcome validOutcome = (OperationOutcome) valid.getOperationOutcome();
		assertThat(validOutcome.getIssue())
			.noneMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR);

		// as the specification says, $validate answers 200 with the issues in the
		// OperationOutcome
		OperationOutcome outcome = (OperationOutcome) client.validate()
			.resource(invalid)
			.execute()
			.getOperationOutcome();
		assertThat(outcome.getIssue()).anySatisfy(issue -> {
			assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
			assertThat(issue.getDiagnostics()).contains("pat-1");
			assertThat(issue.getExpression().get(0).getValue()).contains("contact[0]");
		});
		assertThat(count(Patient.class)).isEqualTo(patients);
	}

	/**
	 * A Study, Patient, ResearchSubject and BSA Observation, all conditional on business
	 * identifiers.
	 */
	private static Bundle enrolmentTransaction(String key) {
		Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
		ResearchStudy study = SampleResources.study();
		study.getIdentifierFirstRep().setValue("study-" + key);
		Patient patient = SampleResources.patient();
		patient.getIdentifierFirstRep().setValue("patient-" + key);
		ResearchSubject subject = SampleResources.subject(new Reference("urn:uuid:study-" + key),
				new Reference("urn:uuid:patient-" + key));
		subject.getIdentifierFirstRep().setValue("subject-" + key);
		Observation bsa = SampleResources.bodySurfaceArea(new Reference("urn:uuid:patient-" + key));
		bsa.getIdentifierFirstRep().setValue("bsa-" + key);
		add(bundle, "urn:uuid:study-" + key, study, study.getIdentifierFirstRep());
		add(bundle, "urn:uuid:patient-" + key, patient, patient.getIdentifierFirstRep());
		add(bundle, "urn:uuid:subject-" + key, subject, subject.getIdentifierFirstRep());
		add(bundle, "urn:uuid:bsa-" + key, bsa, bsa.getIdentifierFirstRep());
		return bundle;
	}

	private static void add(Bundle bundle, String fullUrl, Resource resource, Identifier identifier) {
		bundle.addEntry()
			.setFullUrl(fullUrl)
			.setResource(resource)
			.getRequest()
			.setMethod(HTTPVerb.POST)
			.setUrl(resource.fhirType())
			.setIfNoneExist("identifier=" + token(identifier));
	}

	private static String token(Identifier identifier) {
		return identifier.getSystem() + "|" + identifier.getValue();
	}

	private static List<String> locations(Bundle response) {
		return response.getEntry()
			.stream()
			.map(entry -> new IdType(entry.getResponse().getLocation()).toVersionless().getValue())
			.toList();
	}

	private static List<String> typesIn(Bundle bundle) {
		return bundle.getEntry().stream().map(entry -> entry.getResource().fhirType()).distinct().toList();
	}

}
