package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.Optional;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Type;
import org.trialfhir.profiles.TrialCodeSystems;
import org.trialfhir.profiles.TrialCodes;
import org.trialfhir.profiles.TrialCodes.CtcaeGrade;
import org.trialfhir.profiles.TrialCodes.RecistResponse;
import org.trialfhir.profiles.TrialExtensions;

/**
 * Reads the facts the endpoints need out of stored FHIR resources: a ResearchSubject's
 * enrollment, a Patient's date of death and the dated clinical resources (Observations,
 * MedicationAdministrations, AdverseEvents, Encounters) of a patient. Dates are calendar
 * dates as written (a date-time's own offset decides the day); dates less precise than a
 * day count from their first day. Resources entered in error (and administrations not
 * done) carry no data.
 */
public final class EndpointSources {

	private static final String PATIENT = "Patient";

	private EndpointSources() {
	}

	/**
	 * @param resource a resource of any type
	 * @return true for the types the projection keeps
	 */
	public static boolean isProjected(IBaseResource resource) {
		return resource instanceof ResearchSubject || resource instanceof Patient || resource instanceof Observation
				|| resource instanceof MedicationAdministration || resource instanceof AdverseEvent
				|| resource instanceof Encounter;
	}

	/**
	 * @param resource any resource
	 * @return {@code Type/id}
	 */
	public static String key(IBaseResource resource) {
		return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
	}

	/**
	 * @param subject a ResearchSubject
	 * @return its enrollment, empty when it lacks a study, patient or origin
	 */
	public static Optional<SubjectEnrollment> enrollment(ResearchSubject subject) {
		String study = idOf(subject.getStudy(), "ResearchStudy");
		String patient = idOf(subject.getIndividual(), PATIENT);
		LocalDate origin = day(subject.getPeriod().getStartElement());
		if (study == null || patient == null || origin == null) {
			return Optional.empty();
		}
		String status = subject.hasStatus() ? subject.getStatus().toCode() : null;
		String stratum = null;
		Extension extension = subject.getExtensionByUrl(TrialExtensions.STRATUM);
		if (extension != null && extension.getValue() instanceof CodeableConcept concept) {
			stratum = concept.getCoding()
				.stream()
				.filter((c) -> TrialCodeSystems.STRATUM.equals(c.getSystem()))
				.map(Coding::getCode)
				.findFirst()
				.orElse(null);
		}
		return Optional.of(new SubjectEnrollment(subject.getIdElement().getIdPart(), study, patient, origin, status,
				day(subject.getPeriod().getEndElement()), blankToNull(subject.getAssignedArm()),
				blankToNull(subject.getActualArm()), stratum));
	}

	/**
	 * @param patient a Patient
	 * @return its date of death, or null (alive, or deceased without a date)
	 */
	public static LocalDate deathDate(Patient patient) {
		return patient.hasDeceasedDateTimeType() ? day(patient.getDeceasedDateTimeType()) : null;
	}

	/**
	 * @param resource an Observation, MedicationAdministration, AdverseEvent or Encounter
	 * @return its dated event, empty when it has no patient or date or carries no data
	 */
	public static Optional<ClinicalEvent> clinicalEvent(IBaseResource resource) {
		if (resource instanceof Observation observation) {
			return observation(observation);
		}
		if (resource instanceof MedicationAdministration administration) {
			return dose(administration);
		}
		if (resource instanceof AdverseEvent adverseEvent) {
			return adverseEvent(adverseEvent);
		}
		if (resource instanceof Encounter encounter) {
			return encounter(encounter);
		}
		return Optional.empty();
	}

	private static Optional<ClinicalEvent> observation(Observation observation) {
		String patient = idOf(observation.getSubject(), PATIENT);
		LocalDate date = day(observation.getEffective());
		if (patient == null || date == null || observation.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
				|| observation.getStatus() == Observation.ObservationStatus.CANCELLED) {
			return Optional.empty();
		}
		boolean tumourResponse = observation.getCode()
			.getCoding()
			.stream()
			.anyMatch((c) -> TrialCodeSystems.OBSERVATION_TYPE.equals(c.getSystem())
					&& TrialCodes.RECIST_OVERALL_RESPONSE.equals(c.getCode()));
		RecistResponse response = null;
		if (tumourResponse && observation.getValue() instanceof CodeableConcept value) {
			response = value.getCoding()
				.stream()
				.map((c) -> RecistResponse.fromCode(c.getSystem(), c.getCode()))
				.flatMap(Optional::stream)
				.findFirst()
				.orElse(null);
		}
		ClinicalEvent.Kind kind = (response != null) ? ClinicalEvent.Kind.TUMOR_RESPONSE
				: ClinicalEvent.Kind.OBSERVATION;
		return Optional
			.of(new ClinicalEvent(key(observation), patient, kind, date, null, response, 0, false, null, null));
	}

	private static Optional<ClinicalEvent> dose(MedicationAdministration administration) {
		String patient = idOf(administration.getSubject(), PATIENT);
		LocalDate date = day(administration.getEffective());
		MedicationAdministrationStatus status = administration.getStatus();
		if (patient == null || date == null || status == MedicationAdministrationStatus.ENTEREDINERROR
				|| status == MedicationAdministrationStatus.NOTDONE) {
			return Optional.empty();
		}
		return Optional.of(new ClinicalEvent(key(administration), patient, ClinicalEvent.Kind.DOSE, date, null, null, 0,
				false, null, null));
	}

	private static Optional<ClinicalEvent> adverseEvent(AdverseEvent adverseEvent) {
		String patient = idOf(adverseEvent.getSubject(), PATIENT);
		LocalDate date = day(adverseEvent.getDateElement());
		int grade = grade(adverseEvent);
		if (patient == null || date == null || grade == 0
				|| adverseEvent.getActuality() == AdverseEvent.AdverseEventActuality.POTENTIAL) {
			return Optional.empty();
		}
		Coding term = adverseEvent.getEvent()
			.getCoding()
			.stream()
			.filter((c) -> TrialCodeSystems.MEDDRA.equals(c.getSystem()) && c.hasCode())
			.findFirst()
			.orElseGet(() -> new Coding(null, adverseEvent.getEvent().getText(), adverseEvent.getEvent().getText()));
		String code = term.hasCode() ? term.getCode() : "unspecified";
		boolean serious = adverseEvent.getSeriousness()
			.getCoding()
			.stream()
			.anyMatch((c) -> TrialCodeSystems.AE_SERIOUSNESS.equals(c.getSystem())
					&& TrialCodes.AE_SERIOUS.equals(c.getCode()));
		return Optional.of(new ClinicalEvent(key(adverseEvent), patient, ClinicalEvent.Kind.ADVERSE_EVENT, date, null,
				null, grade, serious, code, term.getDisplay()));
	}

	private static int grade(AdverseEvent adverseEvent) {
		Extension extension = adverseEvent.getExtensionByUrl(TrialExtensions.AE_GRADE);
		if (extension == null || !(extension.getValue() instanceof CodeableConcept concept)) {
			return 0;
		}
		return concept.getCoding()
			.stream()
			.map((c) -> CtcaeGrade.fromCode(c.getSystem(), c.getCode()))
			.flatMap(Optional::stream)
			.mapToInt(CtcaeGrade::grade)
			.findFirst()
			.orElse(0);
	}

	private static Optional<ClinicalEvent> encounter(Encounter encounter) {
		String patient = idOf(encounter.getSubject(), PATIENT);
		LocalDate start = day(encounter.getPeriod().getStartElement());
		LocalDate end = day(encounter.getPeriod().getEndElement());
		if (start == null) {
			start = end;
		}
		if (patient == null || start == null || encounter.getStatus() == Encounter.EncounterStatus.ENTEREDINERROR
				|| encounter.getStatus() == Encounter.EncounterStatus.CANCELLED) {
			return Optional.empty();
		}
		return Optional.of(new ClinicalEvent(key(encounter), patient, ClinicalEvent.Kind.ENCOUNTER, start, end, null, 0,
				false, null, null));
	}

	private static LocalDate day(Type effective) {
		if (effective instanceof BaseDateTimeType dateTime) {
			return day(dateTime);
		}
		if (effective instanceof Period period) {
			return day(period.getStartElement());
		}
		return null;
	}

	/** The calendar day as written, e.g. 2025-04-08 for 2025-04-08T08:00:00+08:00. */
	private static LocalDate day(BaseDateTimeType dateTime) {
		if (dateTime == null || dateTime.getValue() == null) {
			return null;
		}
		String written = dateTime.getValueAsString();
		return switch (written.length()) {
			case 4 -> LocalDate.of(Integer.parseInt(written), 1, 1);
			case 7 -> LocalDate.parse(written + "-01");
			default -> LocalDate.parse(written.substring(0, 10));
		};
	}

	private static String idOf(Reference reference, String type) {
		if (reference == null || !reference.hasReference()) {
			return null;
		}
		var id = reference.getReferenceElement();
		if (!type.equals(id.getResourceType()) || !id.hasIdPart()) {
			return null;
		}
		return id.getIdPart();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
