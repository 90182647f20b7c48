package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a ResearchSubject says about one subject's participation.
 *
 * @param subjectId ResearchSubject id
 * @param studyId ResearchStudy id ({@code study})
 * @param patientId Patient id ({@code individual})
 * @param origin time origin, {@code period.start} (randomization date in a randomized
 * part)
 * @param status ResearchSubject.status code, or null
 * @param periodEnd {@code period.end}, or null
 * @param assignedArm {@code assignedArm} (arm.name), or null when not randomized
 * @param actualArm {@code actualArm}, or null
 * @param stratum randomization stratum code, or null
 */
public record SubjectEnrollment(String subjectId, String studyId, String patientId, LocalDate origin, String status,
		LocalDate periodEnd, String assignedArm, String actualArm, String stratum) {

	/** Checks the required parts. */
	public SubjectEnrollment {
		Objects.requireNonNull(subjectId, "subject id");
		Objects.requireNonNull(studyId, "study id");
		Objects.requireNonNull(patientId, "patient id");
		Objects.requireNonNull(origin, "origin");
	}

	/**
	 * @return true when the subject has an assigned arm
	 */
	public boolean isRandomized() {
		return assignedArm != null;
	}

}
