package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.trialfhir.profiles.TrialCodeSystems;
import org.trialfhir.profiles.TrialCodes.RecistResponse;
import org.trialfhir.profiles.TrialCodes.Stratum;
import org.trialfhir.profiles.TrialExtensions;
import org.trialfhir.server.SampleResources;

/**
 * A seeded synthetic subject for benchmarks: about 40 dated resources (assessments every
 * 42 days until progression, two TAS-102 doses per 21-day cycle while on treatment, a few
 * adverse events), exponential progression and death times (RAK slower).
 *
 * @param index subject number (the seed)
 * @param arm RAK or CONTROL
 * @param stratum ECOG stratum
 * @param origin randomization date
 * @param death date of death, or null
 * @param assessments assessment dates and responses
 * @param doses dose dates
 * @param adverseEvents onset, grade, seriousness and MedDRA term of each AE
 */
record SyntheticSubject(int index, String arm, Stratum stratum, LocalDate origin, LocalDate death,
		List<Object[]> assessments, List<LocalDate> doses, List<Object[]> adverseEvents) {

	static final LocalDate FIRST_ORIGIN = LocalDate.of(2024, 1, 1);

	static final LocalDate DATA_END = LocalDate.of(2025, 12, 31);

	private static final String[][] TERMS = { { "10029354", "Neutropenia" }, { "10028813", "Nausea" },
			{ "10012735", "Diarrhoea" }, { "10016256", "Fatigue" }, { "10002272", "Anaemia" },
			{ "10016288", "Febrile neutropenia" } };

	static SyntheticSubject of(int index) {
		Random random = new Random(31L * index + 7);
		String arm = (index % 2 == 0) ? HandBuiltTrial.RAK : HandBuiltTrial.CONTROL;
		double slower = arm.equals(HandBuiltTrial.RAK) ? 1.4 : 1.0;
		LocalDate origin = FIRST_ORIGIN.plusDays(random.nextInt(360));
		int deathDay = 1 + (int) (-Math.log(1 - random.nextDouble()) * 320 * slower);
		int progressionDay = 1 + (int) (-Math.log(1 - random.nextDouble()) * 160 * slower);
		LocalDate death = origin.plusDays(deathDay).isAfter(DATA_END) ? null : origin.plusDays(deathDay);
		LocalDate end = (death != null) ? death : DATA_END;
		List<Object[]> assessments = new ArrayList<>();
		boolean responded = random.nextDouble() < 0.25 * slower;
		for (int day = 42; !origin.plusDays(day).isAfter(end) && assessments.size() < 8; day += 42) {
			RecistResponse response = (day >= progressionDay) ? RecistResponse.PD
					: responded ? (random.nextDouble() < 0.2 ? RecistResponse.CR : RecistResponse.PR)
							: (random.nextDouble() < 0.05 ? RecistResponse.NE : RecistResponse.SD);
			assessments.add(new Object[] { origin.plusDays(day), response });
			if (response == RecistResponse.PD) {
				break;
			}
		}
		List<LocalDate> doses = new ArrayList<>();
		for (int cycle = 0; cycle < 12 && cycle * 21 < Math.min(progressionDay, deathDay); cycle++) {
			for (int day = 1; day <= 2; day++) {
				LocalDate date = origin.plusDays(cycle * 21L + day);
				if (!date.isAfter(end)) {
					doses.add(date);
				}
			}
		}
		List<Object[]> adverseEvents = new ArrayList<>();
		int count = random.nextInt(5);
		for (int i = 0; i < count; i++) {
			LocalDate onset = origin.plusDays(1 + random.nextInt(120));
			if (onset.isAfter(end)) {
				continue;
			}
			int grade = 1 + random.nextInt(4);
			adverseEvents.add(new Object[] { onset, grade, grade >= 3 && random.nextBoolean(),
					TERMS[random.nextInt(TERMS.length)] });
		}
		Stratum stratum = random.nextBoolean() ? Stratum.ECOG_0 : Stratum.ECOG_1;
		return new SyntheticSubject(index, arm, stratum, origin, death, assessments, doses, adverseEvents);
	}

	/**
	 * @param study the study
	 * @return one FHIR transaction creating the patient, the subject and its clinical
	 * resources
	 */
	Bundle transaction(Reference study) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String patientUrl = "urn:uuid:" + SampleResources.uniqueId();
		Patient patient = SampleResources.patient();
		if (death != null) {
			patient.setDeceased(new DateTimeType(death.toString()));
		}
		bundle.addEntry()
			.setFullUrl(patientUrl)
			.setResource(patient)
			.getRequest()
			.setMethod(Bundle.HTTPVerb.POST)
			.setUrl("Patient");
		Reference patientRef = new Reference(patientUrl);
		ResearchSubject subject = SampleResources.subject(study, patientRef);
		subject.setStatus(death != null ? ResearchSubject.ResearchSubjectStatus.OFFSTUDY
				: ResearchSubject.ResearchSubjectStatus.ONSTUDY);
		subject.getPeriod().setStartElement(new DateTimeType(origin.toString()));
		subject.getPeriod().setEndElement(death == null ? null : new DateTimeType(death.toString()));
		subject.setAssignedArm(arm);
		subject.setActualArm(arm);
		subject.getExtensionByUrl(TrialExtensions.STRATUM)
			.setValue(new CodeableConcept(new Coding(TrialCodeSystems.STRATUM, stratum.code(), stratum.display())));
		List<Resource> resources = new ArrayList<>();
		resources.add(subject);
		for (Object[] a : assessments) {
			resources.add(HandBuiltTrial.tumourResponse(patientRef, (LocalDate) a[0], (RecistResponse) a[1]));
		}
		for (LocalDate dose : doses) {
			resources.add(HandBuiltTrial.dose(patientRef, dose));
		}
		for (Object[] ae : adverseEvents) {
			var event = HandBuiltTrial.adverseEvent(study, patientRef, (LocalDate) ae[0], (Integer) ae[1],
					(Boolean) ae[2]);
			String[] term = (String[]) ae[3];
			event.setEvent(new CodeableConcept(new Coding(TrialCodeSystems.MEDDRA, term[0], term[1])));
			resources.add(event);
		}
		for (Resource resource : resources) {
			bundle.addEntry()
				.setResource(resource)
				.getRequest()
				.setMethod(Bundle.HTTPVerb.POST)
				.setUrl(resource.fhirType());
		}
		return bundle;
	}

	/**
	 * @param patientId the patient's id in the projection
	 * @return the dated events as the projection would store them
	 */
	List<ClinicalEvent> events(String patientId) {
		List<ClinicalEvent> events = new ArrayList<>();
		int n = 0;
		for (Object[] a : assessments) {
			events.add(
					new ClinicalEvent("Observation/s" + index + "-" + n++, patientId, ClinicalEvent.Kind.TUMOR_RESPONSE,
							(LocalDate) a[0], null, (RecistResponse) a[1], 0, false, null, null));
		}
		for (LocalDate dose : doses) {
			events.add(new ClinicalEvent("MedicationAdministration/s" + index + "-" + n++, patientId,
					ClinicalEvent.Kind.DOSE, dose, null, null, 0, false, null, null));
		}
		for (Object[] ae : adverseEvents) {
			String[] term = (String[]) ae[3];
			events.add(
					new ClinicalEvent("AdverseEvent/s" + index + "-" + n++, patientId, ClinicalEvent.Kind.ADVERSE_EVENT,
							(LocalDate) ae[0], null, null, (Integer) ae[1], (Boolean) ae[2], term[0], term[1]));
		}
		return events;
	}

	SubjectEnrollment enrollment(String studyId, String patientId) {
		return new SubjectEnrollment("s" + index + "-" + studyId, studyId, patientId, origin,
				death != null ? "off-study" : "on-study", death, arm, arm, stratum.code());
	}

}
