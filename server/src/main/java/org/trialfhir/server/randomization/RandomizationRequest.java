package org.trialfhir.server.randomization;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.trialfhir.profiles.TrialCodes.Stratum;

/**
 * A request to randomize a patient.
 *
 * @param studyId the study (id part)
 * @param patientId the Patient (id part)
 * @param stratum the randomization stratum
 * @param subjectNumber business identifier value of the new ResearchSubject, if given
 * @param date randomization date (the time origin)
 */
public record RandomizationRequest(String studyId, String patientId, Stratum stratum, Optional<String> subjectNumber,
		LocalDate date) {

	/** Checks the fields. */
	public RandomizationRequest {
		Objects.requireNonNull(studyId, "study");
		Objects.requireNonNull(patientId, "patient");
		Objects.requireNonNull(stratum, "stratum");
		Objects.requireNonNull(subjectNumber, "subject number");
		Objects.requireNonNull(date, "date");
	}

}
