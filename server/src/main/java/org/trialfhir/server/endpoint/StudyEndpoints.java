package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.trialfhir.server.endpoint.EndpointProjectionStore.StoredOutcome;
import org.trialfhir.server.endpoint.EndpointProjectionStore.StoredSubject;

/**
 * Reads the endpoint facts of a study's subjects as of a data cut-off from the
 * projection: one indexed read of the study's subject rows; subjects whose data all lie
 * on or before the cut-off use their stored facts, the others (data after the cut-off)
 * are derived again from their patients' event rows.
 */
public class StudyEndpoints {

	private final EndpointProjectionStore store;

	/**
	 * @param store the projection's tables
	 */
	public StudyEndpoints(EndpointProjectionStore store) {
		this.store = store;
	}

	/**
	 * @param studyId ResearchStudy id
	 * @param cutoff data cut-off
	 * @return the facts of the subjects enrolled on or before the cut-off
	 */
	public StudySnapshot asOf(String studyId, LocalDate cutoff) {
		List<StoredSubject> stored = store.subjectsOfStudy(studyId);
		Optional<LocalDate> firstRandomization = stored.stream()
			.map(StoredSubject::enrollment)
			.filter(SubjectEnrollment::isRandomized)
			.map(SubjectEnrollment::origin)
			.min(LocalDate::compareTo);
		List<SubjectEndpoints> subjects = new ArrayList<>();
		List<SubjectEnrollment> rederive = new ArrayList<>();
		for (StoredSubject subject : stored) {
			if (subject.enrollment().origin().isAfter(cutoff)) {
				continue;
			}
			if (subject.isCurrentAsOf(cutoff)) {
				subjects.add(subject.allData());
			}
			else {
				rederive.add(subject.enrollment());
			}
		}
		subjects.addAll(derive(rederive, cutoff));
		subjects.sort((a, b) -> a.enrollment().subjectId().compareTo(b.enrollment().subjectId()));
		return new StudySnapshot(studyId, cutoff, firstRandomization, subjects);
	}

	/**
	 * One endpoint of the study's randomized subjects as of a cut-off, from one narrow
	 * indexed read of the columns it needs: subjects whose data all lie on or before the
	 * cut-off use their stored outcome; only the others are derived again from their
	 * patients' event rows.
	 * @param studyId ResearchStudy id
	 * @param cutoff data cut-off
	 * @param endpoint the endpoint
	 * @return the outcomes of the randomized subjects enrolled on or before the cut-off
	 */
	public SurvivalSnapshot survivalAsOf(String studyId, LocalDate cutoff, SurvivalEndpoint endpoint) {
		List<StoredOutcome> stored = store.randomizedOutcomes(studyId, endpoint);
		LocalDate firstRandomization = null;
		List<SurvivalSnapshot.Subject> subjects = new ArrayList<>(stored.size());
		List<SubjectEnrollment> rederive = new ArrayList<>();
		for (StoredOutcome subject : stored) {
			LocalDate origin = subject.enrollment().origin();
			if (firstRandomization == null || origin.isBefore(firstRandomization)) {
				firstRandomization = origin;
			}
			if (origin.isAfter(cutoff)) {
				continue;
			}
			if (subject.isCurrentAsOf(cutoff)) {
				subjects
					.add(new SurvivalSnapshot.Subject(subject.enrollment(), subject.allData(), subject.resources()));
			}
			else {
				rederive.add(subject.enrollment());
			}
		}
		derive(rederive, cutoff).forEach((facts) -> subjects.add(SurvivalSnapshot.Subject.of(facts, endpoint)));
		// the rows come in subject id order already (a linear pass), unless re-derived or
		// collated differently
		subjects.sort(Comparator.comparing((SurvivalSnapshot.Subject s) -> s.enrollment().subjectId()));
		return new SurvivalSnapshot(studyId, cutoff, endpoint, Optional.ofNullable(firstRandomization), subjects);
	}

	private List<SubjectEndpoints> derive(List<SubjectEnrollment> subjects, LocalDate cutoff) {
		if (subjects.isEmpty()) {
			return List.of();
		}
		List<String> patients = subjects.stream().map(SubjectEnrollment::patientId).distinct().toList();
		Map<String, List<ClinicalEvent>> events = store.eventsOf(patients);
		Map<String, LocalDate> deaths = store.deathsOf(patients);
		EndpointDerivation derivation = EndpointDerivation.withDefaults();
		return subjects.stream()
			.map((s) -> derivation.derive(s, deaths.get(s.patientId()), events.getOrDefault(s.patientId(), List.of()),
					cutoff))
			.toList();
	}

}
