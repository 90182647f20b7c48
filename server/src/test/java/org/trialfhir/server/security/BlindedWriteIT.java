package org.trialfhir.server.security;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.SearchParameter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodes.StudyProduct;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.SampleResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Blinded callers cannot set or change an arm or name the study cell product, and writing
 * back what they read (masked) keeps the stored, unmasked values.
 */
class BlindedWriteIT extends FhirServerIT {

	private static TrialWithKnownArms trial;

	private IGenericClient coordinator;

	@BeforeEach
	void setUp() {
		synchronized (BlindedWriteIT.class) {
			if (trial == null) {
				trial = TrialWithKnownArms.store(client);
			}
		}
		coordinator = clientAs("coordinator");
	}

	@Test
	void aBlindedCallerCannotCreateASubjectWithAnArm() {
		ResearchSubject subject = SampleResources.subject(new Reference(trial.study()),
				new Reference(trial.patientAlpha()));
		subject.setAssignedArm(TrialWithKnownArms.ALPHA).setActualArm(null);

		assertThatThrownBy(() -> coordinator.create().resource(subject).execute())
			.isInstanceOf(ForbiddenOperationException.class);
		Bundle stored = client.search()
			.byUrl("ResearchSubject?identifier=" + subject.getIdentifierFirstRep().getSystem() + "|"
					+ subject.getIdentifierFirstRep().getValue())
			.returnBundle(Bundle.class)
			.execute();
		assertThat(stored.getEntry()).as("nothing stored").isEmpty();
	}

	@Test
	void writingBackAMaskedSubjectChangesNoArm() {
		ResearchSubject masked = coordinator.read()
			.resource(ResearchSubject.class)
			.withId(trial.subjectBeta().getIdPart())
			.execute();
		assertThat(masked.getAssignedArm()).isNull();
		masked.setStatus(ResearchSubject.ResearchSubjectStatus.ONSTUDYINTERVENTION);

		assertThatThrownBy(() -> coordinator.update().resource(masked).execute())
			.isInstanceOf(ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException.class)
			.satisfies(refused -> assertThat(
					((ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException) refused).getStatusCode())
				.isIn(403, 422));

		ResearchSubject stored = client.read()
			.resource(ResearchSubject.class)
			.withId(trial.subjectBeta().getIdPart())
			.execute();
		assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
		assertThat(stored.getAssignedArm()).isEqualTo(TrialWithKnownArms.BETA);
		assertThat(stored.getActualArm()).isEqualTo(TrialWithKnownArms.BETA);
	}

	@Test
	void aBlindedCallerCannotChangeAnArm() {
		ResearchSubject masked = coordinator.read()
			.resource(ResearchSubject.class)
			.withId(trial.subjectAlpha().getIdPart())
			.execute();
		masked.setAssignedArm(TrialWithKnownArms.BETA).setActualArm(TrialWithKnownArms.BETA);

		assertThatThrownBy(() -> coordinator.update().resource(masked).execute())
			.isInstanceOf(ForbiddenOperationException.class);
		assertThat(client.read()
			.resource(ResearchSubject.class)
			.withId(trial.subjectAlpha().getIdPart())
			.execute()
			.getAssignedArm()).isEqualTo(TrialWithKnownArms.ALPHA);
	}

	@Test
	void aBlindedCallerRecordsTheStudyProductOnlyMasked() {
		MedicationAdministration named = SampleResources.administration(new Reference(trial.patientAlpha()));
		named.setMedication(product(StudyProduct.RAK_CELLS));
		named.getDosage().getDose().setValue(100).setUnit("mL").setCode("mL");
		named.getDosage().getExtension().clear();
		assertThatThrownBy(() -> coordinator.create().resource(named).execute())
			.isInstanceOf(ForbiddenOperationException.class);

		MedicationAdministration masked = SampleResources.administration(new Reference(trial.patientAlpha()));
		masked.setMedication(product(StudyProduct.STUDY_CELL_PRODUCT));
		masked.getDosage().getDose().setValue(100).setUnit("mL").setCode("mL");
		masked.getDosage().getExtension().clear();
		assertThat(coordinator.create().resource(masked).execute().getCreated()).isTrue();
	}

	@Test
	void writingBackAMaskedInfusionChangesNothing() {
		MedicationAdministration masked = coordinator.read()
			.resource(MedicationAdministration.class)
			.withId(trial.infusionBeta().getIdPart())
			.execute();
		assertThat(masked.getMedicationCodeableConcept().getCodingFirstRep().getCode())
			.isEqualTo(StudyProduct.STUDY_CELL_PRODUCT.code());
		masked.getEffectiveDateTimeType().setValueAsString("2025-04-09T10:30:00+08:00");

		assertThatThrownBy(() -> coordinator.update().resource(masked).execute())
			.isInstanceOf(ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException.class);

		MedicationAdministration stored = client.read()
			.resource(MedicationAdministration.class)
			.withId(trial.infusionBeta().getIdPart())
			.execute();
		assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
		assertThat(stored.getMedicationCodeableConcept().getCodingFirstRep().getCode())
			.isEqualTo(StudyProduct.CONTROL.code());
		assertThat(stored.getDosage().getDose().getValue()).isEqualByComparingTo(TrialWithKnownArms.DOSE);
	}

	@Test
	void aBlindedAdministratorCannotDefineASearchOverArms() {
		SearchParameter byArm = new SearchParameter();
		byArm.setUrl("http://example.org/SearchParameter/arm-" + SampleResources.uniqueId())
			.setName("arm")
			.setStatus(Enumerations.PublicationStatus.ACTIVE)
			.setCode("arm2")
			.addBase("ResearchSubject")
			.setType(Enumerations.SearchParamType.TOKEN)
			.setExpression("ResearchSubject.assignedArm")
			.setDescription("arm");
		assertThatThrownBy(() -> clientAs("admin").create().resource(byArm).execute())
			.isInstanceOf(ForbiddenOperationException.class);
	}

	private static CodeableConcept product(StudyProduct product) {
		return new CodeableConcept(new Coding(product.system(), product.code(), product.display()));
	}

}
