package org.trialfhir.server;

import java.util.UUID;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;

/**
 * Small, valid R4 resources of the trial's types, each with a unique business identifier.
 */
public final class SampleResources {

	/** Identifier system used by the samples. */
	public static final String IDENTIFIER_SYSTEM = "urn:trialfhir:test";

	private SampleResources() {
	}

	/** @return a fresh unique identifier value */
	public static String uniqueId() {
		return UUID.randomUUID().toString();
	}

	/** @return a Patient with a unique identifier */
	public static Patient patient() {
		Patient patient = new Patient();
		patient.addIdentifier(identifier());
		patient.addName().setFamily("Sample").addGiven("Pat");
		patient.setGender(AdministrativeGender.FEMALE);
		patient.setBirthDateElement(new DateType("1961-04-12"));
		return patient;
	}

	/** @return an active ResearchStudy with a unique identifier */
	public static ResearchStudy study() {
		ResearchStudy study = new ResearchStudy();
		study.addIdentifier(identifier());
		study.setTitle("RAK cells with TAS-102 in advanced gastric cancer");
		study.setStatus(ResearchStudy.ResearchStudyStatus.ACTIVE);
		study.addArm().setName("RAK");
		study.addArm().setName("Control");
		return study;
	}

	/**
	 * @param study the study reference
	 * @param patient the patient reference
	 * @return an on-study ResearchSubject
	 */
	public static ResearchSubject subject(Reference study, Reference patient) {
		ResearchSubject subject = new ResearchSubject();
		subject.addIdentifier(identifier());
		subject.setStatus(ResearchSubject.ResearchSubjectStatus.ONSTUDY);
		subject.setStudy(study);
		subject.setIndividual(patient);
		subject.setPeriod(new Period().setStartElement(new DateTimeType("2026-01-05")));
		return subject;
	}

	/**
	 * @param patient the patient reference
	 * @return a final body-surface-area Observation
	 */
	public static Observation bodySurfaceArea(Reference patient) {
		Observation observation = new Observation();
		observation.addIdentifier(identifier());
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "8277-6", "Body surface area")));
		observation.setSubject(patient);
		observation.setEffective(new DateTimeType("2026-01-05"));
		observation.setValue(new Quantity().setValue(1.72).setUnit("m2").setSystem("http://unitsofmeasure.org").setCode("m2"));
		return observation;
	}

	/**
	 * @param patient the patient reference
	 * @return a completed TAS-102 administration
	 */
	public static MedicationAdministration administration(Reference patient) {
		MedicationAdministration administration = new MedicationAdministration();
		administration.addIdentifier(identifier());
		administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
		administration.setMedication(new CodeableConcept().setText("TAS-102 (trifluridine/tipiracil)"));
		administration.setSubject(patient);
		administration.setEffective(new DateTimeType("2026-01-06"));
		administration.getDosage().setDose(new Quantity().setValue(60).setUnit("mg"));
		return administration;
	}

	/**
	 * @param patient the patient reference
	 * @return an actual adverse event
	 */
	public static AdverseEvent adverseEvent(Reference patient) {
		AdverseEvent event = new AdverseEvent();
		event.setIdentifier(identifier());
		event.setActuality(AdverseEvent.AdverseEventActuality.ACTUAL);
		event.setSubject(patient);
		event.setEvent(new CodeableConcept().setText("Neutropenia"));
		event.setDateElement(new DateTimeType("2026-01-20"));
		return event;
	}

	private static Identifier identifier() {
		return new Identifier().setSystem(IDENTIFIER_SYSTEM).setValue(uniqueId());
	}

}
