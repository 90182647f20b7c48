package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.Objects;

import org.trialfhir.profiles.TrialCodes.RecistResponse;

/**
 * One dated clinical resource of a patient, reduced to what the endpoints need.
 *
 * @param resourceKey {@code Type/id} of the resource
 * @param patientId the Patient it refers to
 * @param kind what it is
 * @param date assessment, administration or onset date (encounters: start)
 * @param endDate encounter end date, or null
 * @param response RECIST overall response ({@link Kind#TUMOR_RESPONSE} only), or null
 * @param grade CTCAE grade 1-5 ({@link Kind#ADVERSE_EVENT} only), else 0
 * @param serious whether an adverse event is serious
 * @param termCode MedDRA code of an adverse event, or null
 * @param termDisplay MedDRA term of an adverse event, or null
 */
public record ClinicalEvent(String resourceKey, String patientId, Kind kind, LocalDate date, LocalDate endDate,
		RecistResponse response, int grade, boolean serious, String termCode, String termDisplay) {

	/** Checks the required parts. */
	public ClinicalEvent {
		Objects.requireNonNull(resourceKey, "resource key");
		Objects.requireNonNull(patientId, "patient id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(date, "date");
		if (kind == Kind.TUMOR_RESPONSE) {
			Objects.requireNonNull(response, "tumour response of " + resourceKey);
		}
		if (kind == Kind.ADVERSE_EVENT && (grade < 1 || grade > 5)) {
			throw new IllegalArgumentException("CTCAE grade of " + resourceKey + " must be 1-5, was " + grade);
		}
	}

	/**
	 * @return the latest date the event shows the patient alive ({@code endDate} if
	 * later)
	 */
	public LocalDate latestDate() {
		return (endDate != null && endDate.isAfter(date)) ? endDate : date;
	}

	/** What kind of resource an event comes from. */
	public enum Kind {

		/** TrialTumorResponse Observation: a RECIST 1.1 assessment. */
		TUMOR_RESPONSE,
		/** Any other Observation (only shows the patient alive). */
		OBSERVATION,
		/** MedicationAdministration: a dose of TAS-102 or the study cell product. */
		DOSE,
		/** AdverseEvent. */
		ADVERSE_EVENT,
		/** Encounter (only shows the patient alive). */
		ENCOUNTER

	}

}
