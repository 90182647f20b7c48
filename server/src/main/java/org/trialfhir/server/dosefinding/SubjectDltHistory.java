package org.trialfhir.server.dosefinding;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What dose finding needs of one subject: its dose level, its first dose and the onset
 * dates of its patient's adverse events flagged as dose-limiting.
 *
 * @param subject the ResearchSubject id, for messages
 * @param doseLevel dose-level ordinal
 * @param firstDose first dose at the level (ResearchSubject.period.start)
 * @param dltOnsets onset dates of the patient's DLT-flagged adverse events (whether or
 * not within the window)
 */
public record SubjectDltHistory(String subject, int doseLevel, LocalDate firstDose, List<LocalDate> dltOnsets) {

	/** Checks the fields. */
	public SubjectDltHistory {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(firstDose, "first dose");
		dltOnsets = List.copyOf(dltOnsets);
	}

}
