package org.trialfhir.server.operation;

import java.time.LocalDate;
import java.time.ZoneId;

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
import org.trialfhir.server.security.CallerBlinding;

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
		StudySnapshot snapshot = endpoints.asOf(design.studyId(), asOf);
		LocalDate first = snapshot.firstRandomization()
			.orElseThrow(() -> new InvalidRequestException(
					"ResearchStudy/" + design.studyId() + " has no randomized subjects yet"));
		if (asOf.isBefore(first)) {
			throw new InvalidRequestException("Parameter '" + TrialOperations.In.CUTOFF + "' (" + asOf
					+ ") is before the study's first randomization (" + first + ")");
		}
		return new StudyAnalysis(design, snapshot, blinding.isBlinded(request));
	}

	/**
	 * @param design the study's design
	 * @param snapshot the subjects' facts as of the cut-off
	 * @param pooled true if the caller is blinded: pooled results only
	 */
	record StudyAnalysis(StudyDesign design, StudySnapshot snapshot, boolean pooled) {
	}

}
