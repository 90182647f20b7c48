package org.trialfhir.profiles;

import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrialProfileSelectorTests {

	private final TrialProfileSelector selector = new TrialProfileSelector();

	@Test
	void dataContractResourcesGetTheirProfileByType() {
		assertThat(this.selector.profileFor(new ResearchStudy())).contains(TrialProfiles.RESEARCH_STUDY);
		assertThat(this.selector.profileFor(new ResearchSubject())).contains(TrialProfiles.RESEARCH_SUBJECT);
		assertThat(this.selector.profileFor(new Patient())).contains(TrialProfiles.PATIENT);
		assertThat(this.selector.profileFor(new MedicationAdministration()))
			.contains(TrialProfiles.MEDICATION_ADMINISTRATION);
		assertThat(this.selector.profileFor(new AdverseEvent())).contains(TrialProfiles.ADVERSE_EVENT);
	}

	@Test
	void observationsAreSelectedByCode() {
		assertThat(this.selector
			.profileFor(observation(TrialCodeSystems.OBSERVATION_TYPE, TrialCodes.RECIST_OVERALL_RESPONSE)))
			.contains(TrialProfiles.TUMOR_RESPONSE);
		assertThat(this.selector.profileFor(observation(TrialCodeSystems.LOINC, TrialCodes.LOINC_BODY_SURFACE_AREA)))
			.contains(TrialProfiles.BODY_SURFACE_AREA);
		// body weight: base R4 only
		assertThat(this.selector.profileFor(observation(TrialCodeSystems.LOINC, "29463-7"))).isEmpty();
		// same code, another system: not a body surface area
		assertThat(
				this.selector.profileFor(observation("http://example.org/codes", TrialCodes.LOINC_BODY_SURFACE_AREA)))
			.isEmpty();
	}

	@Test
	void otherResourcesGetBaseR4Only() {
		assertThat(this.selector.profilesFor(new Encounter())).isEmpty();
	}

	@Test
	void profileAppliedByTypeRejectsAResourceThatDeclaresNoProfile() {
		Patient patient = new Patient();
		patient.addName().setFamily("Anonymous");
		ValidationResult result = TestValidators.trial().validate(patient);
		assertThat(result.isSuccessful()).isFalse();
		assertThat(result.getMessages())
			.anySatisfy((m) -> assertThat(m.getMessage()).contains("Patient.identifier: minimum required = 1"));
	}

	@Test
	void declaredProfileIsHonouredInAddition() {
		Resource bsa = IgPackage.examples()
			.stream()
			.filter((r) -> r.getIdElement().getIdPart().equals("bsa-li-na-screening"))
			.findFirst()
			.orElseThrow()
			.copy();
		assertThat(TestValidators.trial().validate(bsa).isSuccessful()).isTrue();
		bsa.getMeta().setProfile(new java.util.ArrayList<>()).addProfile(TrialProfiles.TUMOR_RESPONSE);
		ValidationResult result = TestValidators.trial().validate(bsa);
		assertThat(result.isSuccessful()).isFalse();
		assertThat(result.getMessages())
			.anySatisfy((m) -> assertThat(m.getMessage()).contains(TrialProfiles.TUMOR_RESPONSE));
	}

	private static Observation observation(String system, String code) {
		Observation observation = new Observation();
		observation.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(system, code, null)));
		return observation;
	}

}
