package org.trialfhir.server.operation;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.trialfhir.profiles.TrialCodes.RecistResponse;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.In;
import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.analysis.binary.BinomialProportion;
import org.trialfhir.server.analysis.binary.ClopperPearsonInterval;
import org.trialfhir.server.analysis.binary.FisherExactTest;
import org.trialfhir.server.analysis.binary.NewcombeDifferenceInterval;
import org.trialfhir.server.analysis.binary.ProportionDifference;
import org.trialfhir.server.analysis.binary.TwoByTwoTable;
import org.trialfhir.server.endpoint.SubjectEndpoints;
import org.trialfhir.server.operation.StudyAnalysisInput.StudyAnalysis;

import org.springframework.stereotype.Component;

import static org.trialfhir.server.operation.ResultParameters.decimal;
import static org.trialfhir.server.operation.ResultParameters.integer;
import static org.trialfhir.server.operation.ResultParameters.interval;
import static org.trialfhir.server.operation.ResultParameters.string;

/**
 * {@code ResearchStudy/[id]/$response-rate}: objective response rate (CR or PR) and
 * disease control rate (CR, PR or SD) of the best overall response per arm over all
 * randomized subjects (no assessment = NE = non-responder), with exact Clopper-Pearson
 * 95% CIs; between two arms the difference with its Newcombe hybrid-score 95% CI and
 * Fisher's exact test.
 */
@Component
public class ResponseRateOperationProvider implements TrialOperation {

	private final StudyAnalysisInput input;

	ResponseRateOperationProvider(StudyAnalysisInput input) {
		this.input = input;
	}

	/**
	 * @param studyId the randomized study
	 * @param cutoff data cut-off (default today)
	 * @param request the request
	 * @return ORR and DCR per arm and their comparison
	 */
	@Operation(name = TrialOperations.RESPONSE_RATE, type = ResearchStudy.class, idempotent = true,
			returnParameters = { @OperationParam(name = Out.CUTOFF, typeName = "date", min = 1, max = 1),
					@OperationParam(name = Out.ARM, min = 1, max = OperationParam.MAX_UNLIMITED),
					@OperationParam(name = Out.COMPARISON, min = 0, max = 1) })
	@Description(shortDefinition = "ORR and DCR per arm with exact CIs, difference and Fisher's exact test")
	public Parameters responseRate(@IdParam IdType studyId,
			@OperationParam(name = In.CUTOFF, typeName = "date", min = 0, max = 1) DateType cutoff,
			RequestDetails request) {
		StudyAnalysis study = input.load(studyId, cutoff, request);
		List<SubjectEndpoints> randomized = study.snapshot().randomized();
		Parameters parameters = ResultParameters.header(study.snapshot().cutoff(), study.pooled(), randomized);
		Map<String, List<SubjectEndpoints>> arms = ArmGroups.of(study.design(), randomized, study.pooled());
		arms.forEach((name, subjects) -> arm(parameters.addParameter().setName(Out.ARM), name, subjects));
		if (!study.pooled()) {
			List<String> compared = ArmGroups.comparedArms(study.design(), arms);
			if (!compared.isEmpty()) {
				comparison(parameters.addParameter().setName(Out.COMPARISON), arms.get(compared.get(0)),
						arms.get(compared.get(1)), compared);
			}
		}
		return parameters;
	}

	private static void arm(ParametersParameterComponent group, String name, List<SubjectEndpoints> subjects) {
		string(group, Out.NAME, name);
		integer(group, "subjects", subjects.size());
		int responders = count(subjects, SubjectEndpoints::isResponder);
		integer(group, "responders", responders);
		rate(group, "orr", responders, subjects.size());
		int controlled = count(subjects, SubjectEndpoints::hasDiseaseControl);
		integer(group, "diseaseControl", controlled);
		rate(group, "dcr", controlled, subjects.size());
		for (RecistResponse response : RecistResponse.values()) {
			int n = count(subjects, (s) -> s.bestResponse() == response);
			group.addPart()
				.setName("bestResponse")
				.setValue(new Coding(response.system(), response.code(), response.display() + ": " + n));
		}
	}

	private static void rate(ParametersParameterComponent group, String name, int successes, int trials) {
		if (trials == 0) {
			return;
		}
		BinomialProportion proportion = ClopperPearsonInterval.withDefaults().estimate(successes, trials);
		decimal(group, name, proportion.estimate());
		interval(group, name + "Lower", name + "Upper", proportion.interval());
	}

	private static void comparison(ParametersParameterComponent group, List<SubjectEndpoints> experimental,
			List<SubjectEndpoints> reference, List<String> arms) {
		string(group, "comparison", arms.get(0) + " vs " + arms.get(1));
		difference(group, "orr", SubjectEndpoints::isResponder, experimental, reference);
		difference(group, "dcr", SubjectEndpoints::hasDiseaseControl, experimental, reference);
	}

	private static void difference(ParametersParameterComponent group, String name, Predicate<SubjectEndpoints> success,
			List<SubjectEndpoints> experimental, List<SubjectEndpoints> reference) {
		int x1 = count(experimental, success);
		int x2 = count(reference, success);
		ProportionDifference difference = NewcombeDifferenceInterval.withDefaults()
			.difference(x1, experimental.size(), x2, reference.size());
		decimal(group, name + "Difference", difference.difference());
		interval(group, name + "DifferenceLower", name + "DifferenceUpper", difference.interval());
		decimal(group, name + "FisherPValue",
				FisherExactTest.withDefaults()
					.test(TwoByTwoTable.ofGroups(x1, experimental.size(), x2, reference.size()))
					.pValue());
	}

	private static int count(List<SubjectEndpoints> subjects, Predicate<SubjectEndpoints> predicate) {
		return (int) subjects.stream().filter(predicate).count();
	}

}
