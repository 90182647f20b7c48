package org.trialfhir.server;

import java.util.UUID;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;

/**
 * New resources of the trial's types that follow the data contract: copies of the IG's
 * examples with a fresh business identifier and the references a test asks for.
 * References to other examples (the program study, the site) need the examples stored
 * first ({@link FhirServerIT} does that).
 */
public final class SampleResources {

	private SampleResources() {
	}

	/**
	 * @return a fresh unique identifier value
	 */
	public static String uniqueId() {
		return UUID.randomUUID().toString();
	}

	/**
	 * @return a living Patient with a unique medical record number
	 */
	public static Patient patient() {
		Patient patient = fresh(IgExamples.get(Patient.class, "patient-li-na"));
		patient.setDeceased(null);
		renew(patient.getIdentifierFirstRep());
		return patient;
	}

	/**
	 * @return a randomized-part study with a unique identifier
	 */
	public static ResearchStudy study() {
		ResearchStudy study = fresh(IgExamples.get(ResearchStudy.class, "rak-part-2-randomized"));
		study.getIdentifier().forEach(SampleResources::renew);
		return study;
	}

	/**
	 * @param study the study reference
	 * @param patient the patient reference
	 * @return a randomized ResearchSubject with a unique subject number
	 */
	public static ResearchSubject subject(Reference study, Reference patient) {
		ResearchSubject subject = fresh(IgExamples.get(ResearchSubject.class, "subject-li-na-randomized"));
		subject.getIdentifier().forEach(SampleResources::renew);
		subject.setStudy(study);
		subject.setIndividual(patient);
		return subject;
	}

	/**
	 * @param patient the patient reference
	 * @return a body-surface-area Observation with a unique identifier
	 */
	public static Observation bodySurfaceArea(Reference patient) {
		Observation observation = fresh(IgExamples.get(Observation.class, "bsa-li-na-screening"));
		observation.getIdentifier().clear();
		observation.addIdentifier(newIdentifier());
		observation.setSubject(patient);
		return observation;
	}

	/**
	 * @param patient the patient reference
	 * @return a TAS-102 administration with a unique identifier
	 */
	public static MedicationAdministration administration(Reference patient) {
		MedicationAdministration administration = fresh(
				IgExamples.get(MedicationAdministration.class, "tas-102-li-na-cycle-1-day-1"));
		administration.getIdentifier().clear();
		administration.addIdentifier(newIdentifier());
		administration.setSubject(patient);
		return administration;
	}

	/**
	 * @param patient the patient reference
	 * @return a grade-3 adverse event with a unique identifier, attributed to an example
	 * TAS-102 administration
	 */
	public static AdverseEvent adverseEvent(Reference patient) {
		AdverseEvent event = fresh(IgExamples.get(AdverseEvent.class, "ae-li-na-alt-increased-grade-3"));
		event.setIdentifier(newIdentifier());
		event.setSubject(patient);
		return event;
	}

	/**
	 * Identifier system of the business identifiers the samples get where the example has
	 * none.
	 */
	public static final String IDENTIFIER_SYSTEM = "urn:trialfhir:test";

	private static Identifier newIdentifier() {
		return new Identifier().setSystem(IDENTIFIER_SYSTEM).setValue(uniqueId());
	}

	private static void renew(Identifier identifier) {
		identifier.setValue(uniqueId());
	}

	private static <T extends Resource> T fresh(T example) {
		example.setIdElement(null);
		example.getMeta().setVersionId(null).setLastUpdated(null);
		return example;
	}

}
