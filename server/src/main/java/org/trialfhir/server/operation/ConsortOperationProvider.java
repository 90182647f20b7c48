package org.trialfhir.server.operation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.In;
import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.endpoint.SubjectEndpoints;
import org.trialfhir.server.operation.StudyAnalysisInput.StudyAnalysis;

import org.springframework.stereotype.Component;

import static org.trialfhir.server.operation.ResultParameters.integer;
import static org.trialfhir.server.operation.ResultParameters.string;

/**
 * {@code ResearchStudy/[id]/$consort}: participant flow as of the cut-off. Enrolled =
 * ResearchSubjects of the study with origin on or before the cut-off; randomized = with
 * an assigned arm; per arm: allocated, treated (a dose on or before the cut-off),
 * discontinued (off-study or withdrawn, the status code as reason) and analysed (all
 * allocated: intention to treat).
 */
@Component
public class ConsortOperationProvider implements TrialOperation {

	private final StudyAnalysisInput input;

	ConsortOperationProvider(StudyAnalysisInput input) {
		this.input = input;
	}

	/**
	 * @param studyId the randomized study
	 * @param cutoff data cut-off (default today)
	 * @param request the request
	 * @return the flow counts
	 */
	@Operation(name = TrialOperations.CONSORT, type = ResearchStudy.class, idempotent = true,
			returnParameters = { @OperationParam(name = Out.CUTOFF, typeName = "date", min = 1, max = 1),
					@OperationParam(name = "enrolled", typeName = "integer", min = 1, max = 1),
					@OperationParam(name = "randomized", typeName = "integer", min = 1, max = 1),
					@OperationParam(name = Out.ARM, min = 1, max = OperationParam.MAX_UNLIMITED) })
	@Description(shortDefinition = "CONSORT flow: enrolled, randomized, per arm allocated, treated, discontinued "
			+ "with reasons, analysed")
	public Parameters consort(@IdParam IdType studyId,
			@OperationParam(name = In.CUTOFF, typeName = "date", min = 0, max = 1) DateType cutoff,
			RequestDetails request) {
		StudyAnalysis study = input.load(studyId, cutoff, request);
		List<SubjectEndpoints> randomized = study.snapshot().randomized();
		Parameters parameters = ResultParameters.header(study.snapshot().cutoff(), study.pooled(),
				study.snapshot().subjects());
		parameters.addParameter().setName("enrolled").setValue(new IntegerType(study.snapshot().subjects().size()));
		parameters.addParameter().setName("randomized").setValue(new IntegerType(randomized.size()));
		ArmGroups.of(study.design(), randomized, study.pooled())
			.forEach((arm, subjects) -> arm(parameters.addParameter().setName(Out.ARM), arm, subjects));
		return parameters;
	}

	private static void arm(ParametersParameterComponent group, String name, List<SubjectEndpoints> subjects) {
		string(group, Out.NAME, name);
		integer(group, "allocated", subjects.size());
		integer(group, "treated", (int) subjects.stream().filter(SubjectEndpoints::isTreated).count());
		integer(group, "discontinued", (int) subjects.stream().filter(SubjectEndpoints::discontinued).count());
		Map<String, Integer> reasons = new TreeMap<>();
		subjects.forEach((s) -> s.discontinuationReason().ifPresent((r) -> reasons.merge(r, 1, Integer::sum)));
		reasons.forEach((reason, count) -> string(group, "discontinuationReason", reason + ";" + count));
		integer(group, "analysed", subjects.size());
	}

}
