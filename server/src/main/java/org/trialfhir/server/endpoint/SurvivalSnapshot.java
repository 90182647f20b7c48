package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One time-to-event endpoint of a study's randomized subjects as of a data cut-off: what
 * a survival analysis needs and nothing more (read by
 * {@link StudyEndpoints#survivalAsOf}).
 *
 * @param studyId ResearchStudy id
 * @param cutoff the data cut-off
 * @param endpoint the endpoint
 * @param firstRandomization origin of the earliest randomized subject (any date), if any
 * @param subjects the randomized subjects enrolled on or before the cut-off, by subject
 * id
 */
public record SurvivalSnapshot(String studyId, LocalDate cutoff, SurvivalEndpoint endpoint,
		Optional<LocalDate> firstRandomization, List<Subject> subjects) {

	/** Copies. */
	public SurvivalSnapshot {
		subjects = List.copyOf(subjects);
	}

	/**
	 * @param snapshot all facts of a study's subjects as of a cut-off
	 * @param endpoint the endpoint
	 * @return the endpoint's outcomes of the randomized subjects
	 */
	public static SurvivalSnapshot of(StudySnapshot snapshot, SurvivalEndpoint endpoint) {
		return new SurvivalSnapshot(snapshot.studyId(), snapshot.cutoff(), endpoint, snapshot.firstRandomization(),
				snapshot.randomized().stream().map((s) -> Subject.of(s, endpoint)).toList());
	}

	/**
	 * @return resources the subjects' outcomes were derived from
	 */
	public int resources() {
		return subjects.stream().mapToInt(Subject::resources).sum();
	}

	/**
	 * One randomized subject's outcome.
	 *
	 * @param enrollment the subject's ResearchSubject facts (arm, stratum)
	 * @param outcome the endpoint's outcome as of the cut-off
	 * @param resources resources the outcome was derived from (ResearchSubject, Patient
	 * and the patient's dated resources up to the cut-off)
	 */
	public record Subject(SubjectEnrollment enrollment, TimeToEvent outcome, int resources) {

		/** Checks. */
		public Subject {
			Objects.requireNonNull(enrollment, "enrollment");
			Objects.requireNonNull(outcome, "outcome");
		}

		/**
		 * @param facts a subject's facts
		 * @param endpoint the endpoint
		 * @return that endpoint's outcome
		 */
		public static Subject of(SubjectEndpoints facts, SurvivalEndpoint endpoint) {
			return new Subject(facts.enrollment(), facts.timeToEvent(endpoint), facts.resources());
		}

	}

}
