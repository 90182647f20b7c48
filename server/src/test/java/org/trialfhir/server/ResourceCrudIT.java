package org.trialfhir.server;

import java.util.function.Function;
import java.util.stream.Stream;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Create, read, update, search, history and delete over HTTP for each resource type of
 * the trial.
 */
class ResourceCrudIT extends FhirServerIT {

	/**
	 * Builds a resource of one type, given references to a stored study and patient.
	 * (AdverseEvent is searched by identifier with the IG's SearchParameter: R4 has
	 * none.)
	 */
	private record Sample(String type, Function<References, DomainResource> build) {

		String search(DomainResource resource) {
			Identifier identifier = identifierOf(resource);
			return type + "?identifier=" + identifier.getSystem() + "|" + identifier.getValue();
		}

		@Override
		public String toString() {
			return type;
		}

	}

	private record References(Reference study, Reference patient) {
	}

	static Stream<Arguments> resourceTypes() {
		return Stream
			.of(new Sample("Patient", refs -> SampleResources.patient()),
					new Sample("ResearchStudy", refs -> SampleResources.study()),
					new Sample("ResearchSubject", refs -> SampleResources.subject(refs.study(), refs.patient())),
					new Sample("Observation", refs -> SampleResources.bodySurfaceArea(refs.patient())),
					new Sample("MedicationAdministration", refs -> SampleResources.administration(refs.patient())),
					new Sample("AdverseEvent", refs -> SampleResources.adverseEvent(refs.patient())))
			.map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("resourceTypes")
	void createReadUpdateSearchHistoryDelete(Sample sample) {
		References refs = storedStudyAndPatient();
		DomainResource resource = sample.build().apply(refs);
		String identifier = identifierOf(resource).getValue();

		MethodOutcome created = client.create().resource(resource).execute();
		assertThat(created.getCreated()).isTrue();
		IdType id = (IdType) created.getId().toUnqualifiedVersionless();
		assertThat(id.getResourceType()).isEqualTo(sample.type());

		DomainResource read = (DomainResource) client.read().resource(sample.type()).withId(id).execute();
		assertThat(identifierOf(read).getValue()).isEqualTo(identifier);
		assertThat(read.getMeta().getVersionId()).isEqualTo("1");

		read.getText().setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">updated</div>");
		read.getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED);
		MethodOutcome updated = client.update().resource(read).execute();
		assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");

		Bundle found = client.search().byUrl(sample.search(resource)).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
		assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(id.getIdPart());

		Bundle history = client.history().onInstance(id).returnBundle(Bundle.class).execute();
		assertThat(history.getEntry()).hasSize(2);
		DomainResource first = (DomainResource) client.read()
			.resource(sample.type())
			.withIdAndVersion(id.getIdPart(), "1")
			.execute();
		assertThat(first.getText().hasDiv()).isFalse();

		client.delete().resourceById(id).execute();
		assertThatThrownBy(() -> client.read().resource(sample.type()).withId(id).execute())
			.isInstanceOf(ResourceGoneException.class);
		Bundle afterDelete = client.search().byUrl(sample.search(resource)).returnBundle(Bundle.class).execute();
		assertThat(afterDelete.getEntry()).isEmpty();
	}

	private References storedStudyAndPatient() {
		IdType study = (IdType) client.create()
			.resource(SampleResources.study())
			.execute()
			.getId()
			.toUnqualifiedVersionless();
		IdType patient = (IdType) client.create()
			.resource(SampleResources.patient())
			.execute()
			.getId()
			.toUnqualifiedVersionless();
		return new References(new Reference(study), new Reference(patient));
	}

	private static Identifier identifierOf(DomainResource resource) {
		return FHIR.newTerser().getValues(resource, "identifier", Identifier.class).get(0);
	}

}
