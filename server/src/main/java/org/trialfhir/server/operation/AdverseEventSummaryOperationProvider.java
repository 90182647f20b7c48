package org.trialfhir.server.operation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.trialfhir.profiles.TrialCodeSystems;
import org.trialfhir.profiles.TrialCodes.CtcaeGrade;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.In;
import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.analysis.safety.AdverseEvent;
import org.trialfhir.server.analysis.safety.GroupSafetySummary;
import org.trialfhir.server.analysis.safety.SafetySubject;
import org.trialfhir.server.analysis.safety.SafetyTable;
import org.trialfhir.server.analysis.safety.SafetyTabulation;
import org.trialfhir.server.analysis.safety.SubjectCount;
import org.trialfhir.server.analysis.safety.TermSummary;
import org.trialfhir.server.endpoint.SubjectEndpoints;
import org.trialfhir.server.operation.StudyAnalysisInput.StudyAnalysis;

import org.springframework.stereotype.Component;

import static org.trialfhir.server.operation.ResultParameters.integer;
import static org.trialfhir.server.operation.ResultParameters.number;
import static org.trialfhir.server.operation.ResultParameters.string;

/**
 * {@code ResearchStudy/[id]/$adverse-event-summary}: treatment-emergent adverse events
 * per arm over the treated subjects (see {@link SafetyTabulation}), each count as
 * {@code count;rate;lower;upper} with an exact Clopper-Pearson 95% CI.
 */
@Component
public class AdverseEventSummaryOperationProvider implements TrialOperation {

	private final StudyAnalysisInput input;

	AdverseEventSummaryOperationProvider(StudyAnalysisInput input) {
		this.input = input;
	}

	/**
	 * @param studyId the randomized study
	 * @param cutoff data cut-off (default today)
	 * @param request the request
	 * @return incidence tables per arm
	 */
	@Operation(name = TrialOperations.ADVERSE_EVENT_SUMMARY, type = ResearchStudy.class, idempotent = true,
			returnParameters = { @OperationParam(name = Out.CUTOFF, typeName = "date", min = 1, max = 1),
					@OperationParam(name = Out.ARM, min = 1, max = OperationParam.MAX_UNLIMITED) })
	@Description(shortDefinition = "Treatment-emergent adverse events per arm: any, by worst grade, grade >= 3, "
			+ "serious, by term, with exact CIs")
	public Parameters adverseEventSummary(@IdParam IdType studyId,
			@OperationParam(name = In.CUTOFF, typeName = "date", min = 0, max = 1) DateType cutoff,
			RequestDetails request) {
		StudyAnalysis study = input.load(studyId, cutoff, request);
		List<SubjectEndpoints> treated = study.snapshot()
			.randomized()
			.stream()
			.filter(SubjectEndpoints::isTreated)
			.toList();
		Parameters parameters = ResultParameters.header(study.snapshot().cutoff(), study.pooled(), treated);
		Map<String, List<SubjectEndpoints>> arms = ArmGroups.of(study.design(), treated, study.pooled());
		Map<String, Integer> atRisk = new HashMap<>();
		List<SafetySubject> subjects = new ArrayList<>();
		Map<String, String> termDisplay = new HashMap<>();
		arms.forEach((arm, members) -> {
			if (!members.isEmpty()) {
				atRisk.put(arm, members.size());
			}
			for (SubjectEndpoints s : members) {
				subjects.add(new SafetySubject(s.enrollment().subjectId(), arm,
						s.adverseEvents()
							.stream()
							.map((t) -> new AdverseEvent(t.code(), t.worstGrade(), t.serious()))
							.toList()));
				s.adverseEvents().forEach((t) -> termDisplay.putIfAbsent(t.code(), t.display()));
			}
		});
		SafetyTable table = atRisk.isEmpty() ? new SafetyTable(List.of())
				: SafetyTabulation.withDefaults().tabulate(subjects, atRisk);
		for (String arm : arms.keySet()) {
			ParametersParameterComponent group = parameters.addParameter().setName(Out.ARM);
			string(group, Out.NAME, arm);
			integer(group, "treated", arms.get(arm).size());
			if (atRisk.containsKey(arm)) {
				summary(group, table.group(arm), termDisplay);
			}
		}
		return parameters;
	}

	private static void summary(ParametersParameterComponent group, GroupSafetySummary summary,
			Map<String, String> termDisplay) {
		string(group, "anyAe", text(summary.anyEvent()));
		string(group, "gradeAtLeast3", text(summary.gradeThreeOrHigher()));
		string(group, "serious", text(summary.serious()));
		for (CtcaeGrade grade : CtcaeGrade.values()) {
			group.addPart()
				.setName("worstGrade")
				.setValue(new Coding(grade.system(), grade.code(), text(summary.worstGrade(grade.grade()))));
		}
		for (TermSummary term : summary.terms()) {
			group.addPart()
				.setName("term")
				.setValue(new Coding(TrialCodeSystems.MEDDRA, term.term(), text(term.anyGrade())));
			string(group, "termName", term.term() + ";" + termDisplay.getOrDefault(term.term(), term.term()));
		}
	}

	/** {@code count;rate;lower;upper}. */
	private static String text(SubjectCount count) {
		return count.subjects() + ";" + number(count.proportion()) + ";" + number(count.interval().lower()) + ";"
				+ number(count.interval().upper());
	}

}
