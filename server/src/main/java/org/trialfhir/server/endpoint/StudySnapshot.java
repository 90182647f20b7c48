package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The endpoint facts of a study's subjects as of a data cut-off.
 *
 * @param studyId ResearchStudy id
 * @param cutoff the data cut-off
 * @param firstRandomization origin of the earliest randomized subject (any date), if any
 * @param subjects the subjects enrolled on or before the cut-off, by subject id
 */
public record StudySnapshot(String studyId, LocalDate cutoff, Optional<LocalDate> firstRandomization,
		List<SubjectEndpoints> subjects) {

	/** Copies. */
	public StudySnapshot {
		subjects = List.copyOf(subjects);
	}

	/**
	 * @return the randomized subjects (intention to treat)
	 */
	public List<SubjectEndpoints> randomized() {
		return subjects.stream().filter((s) -> s.enrollment().isRandomized()).toList();
	}

	/**
	 * @param subjects some of the subjects
	 * @return resources their facts were derived from
	 */
	public static int resources(List<SubjectEndpoints> subjects) {
		return subjects.stream().mapToInt(SubjectEndpoints::resources).sum();
	}

}
