package org.trialfhir.server.operation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.server.endpoint.StudyDesign;
import org.trialfhir.server.endpoint.StudyEndpoints;
import org.trialfhir.server.endpoint.StudySnapshot;
import org.trialfhir.server.blinding.CallerBlinding;

import org.springframework.stereotype.Component;

/**
 * The input shared by the endpoint operations: the ResearchStudy (404 if absent; 400
 * unless randomized), the data cut-off (default today; 400 before the first
 * randomization) and the subjects' endpoint facts as of the cut-off.
 */
@Component
class StudyAnalysisInput {

	private final DaoRegistry daos;

	private final StudyEndpoints endpoints;

	private final CallerBlinding blinding;

	StudyAnalysisInput(DaoRegistry daos, StudyEndpoints endpoints, CallerBlinding blinding) {
		this.daos = daos;
		this.endpoints = endpoints;
		this.blinding = blinding;
	}

	/**
	 * @param studyId the study the operation is invoked on
	 * @param cutoff the {@code cutoff} parameter, or null for today
	 * @param request the request
	 * @return the study's design, the facts as of the cut-off and whether to pool arms
	 */
	StudyAnalysis load(IdType studyId, DateType cutoff, RequestDetails request) {
		StudyRequest study = study(studyId, cutoff, request);
		StudySnapshot snapshot = endpoints.asOf(study.design().studyId(), study.cutoff());
		checkCutoff(study, snapshot.firstRandomization());
		return new StudyAnalysis(study.design(), snapshot, study.pooled());
	}

	/**
	 * The part of the input that does not read the projection.
	 * @param studyId the study the operation is invoked on
	 * @param cutoff the {@code cutoff} parameter, or null for today
	 * @param request the request
	 * @return the study's design, the cut-off and whether to pool arms
	 */
	StudyRequest study(IdType studyId, DateType cutoff, RequestDetails request) {
		// read as the server: the caller's own read would come back with the arm names
		// masked
		// for a blinded caller, and the design needs them to group subjects (the result
		// is
		// pooled for that caller anyway); whether the caller may run the analysis at all
		// was
		// decided by the authorization rules before this method is called
		ResearchStudy study = daos.getResourceDao(ResearchStudy.class)
			.read(studyId.toUnqualifiedVersionless(), new SystemRequestDetails());
		StudyDesign design = StudyDesign.of(study);
		if (!design.randomized()) {
			throw new InvalidRequestException("ResearchStudy/" + design.studyId()
					+ " is not a randomized study (its allocation is not RANDOMIZED): endpoint analyses compare "
					+ "randomized arms");
		}
		LocalDate asOf = (cutoff == null || cutoff.getValue() == null) ? LocalDate.now(ZoneId.systemDefault())
				: LocalDate.parse(cutoff.getValueAsString());
		return new StudyRequest(design, asOf, blinding.isBlinded(request));
	}

	/**
	 * @param study the request
	 * @param firstRandomization origin of the study's earliest randomized subject, if any
	 * @throws InvalidRequestException if there is none or the cut-off precedes it
	 */
	void checkCutoff(StudyRequest study, Optional<LocalDate> firstRandomization) {
		String studyId = study.design().studyId();
		LocalDate first = firstRandomization.orElseThrow(
				() -> new InvalidRequestException("ResearchStudy/" + studyId + " has no randomized subjects yet"));
		if (study.cutoff().isBefore(first)) {
			throw new InvalidRequestException("Parameter '" + TrialOperations.In.CUTOFF + "' (" + study.cutoff()
					+ ") is before the study's first randomization (" + first + ")");
		}
	}

	/**
	 * @param design the study's design
	 * @param cutoff the data cut-off
	 * @param pooled true if the caller is blinded: pooled results only
	 */
	record StudyRequest(StudyDesign design, LocalDate cutoff, boolean pooled) {
	}

	/**
	 * @param design the study's design
	 * @param snapshot the subjects' facts as of the cut-off
	 * @param pooled true if the caller is blinded: pooled results only
	 */
	record StudyAnalysis(StudyDesign design, StudySnapshot snapshot, boolean pooled) {
	}

}
