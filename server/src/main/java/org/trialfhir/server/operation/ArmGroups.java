package org.trialfhir.server.operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.endpoint.StudyDesign;
import org.trialfhir.server.endpoint.SubjectEndpoints;

/**
 * Splits subjects into their assigned arms in the study's arm order (arms that only the
 * data name come after, by name), or into one pooled group for blinded callers.
 */
final class ArmGroups {

	private ArmGroups() {
	}

	/**
	 * @param design the study's design
	 * @param subjects randomized subjects
	 * @param pooled pool all subjects into {@link Out#POOLED_ARM_NAME}
	 * @return subjects by arm name, in arm order; every arm of the study is present
	 */
	static Map<String, List<SubjectEndpoints>> of(StudyDesign design, List<SubjectEndpoints> subjects, boolean pooled) {
		Map<String, List<SubjectEndpoints>> groups = new LinkedHashMap<>();
		if (pooled) {
			groups.put(Out.POOLED_ARM_NAME, new ArrayList<>(subjects));
			return groups;
		}
		design.arms().forEach((arm) -> groups.put(arm, new ArrayList<>()));
		Function<SubjectEndpoints, String> arm = (s) -> s.enrollment().assignedArm();
		subjects.stream()
			.map(arm)
			.distinct()
			.sorted()
			.forEach((name) -> groups.computeIfAbsent(name, (n) -> new ArrayList<>()));
		subjects.forEach((s) -> groups.get(arm.apply(s)).add(s));
		return groups;
	}

	/**
	 * @param design the study's design
	 * @param groups subjects by arm, as {@link #of} returns them (not pooled)
	 * @return experimental arm and reference arm, when there are at least two arms with
	 * subjects
	 */
	static List<String> comparedArms(StudyDesign design, Map<String, List<SubjectEndpoints>> groups) {
		List<String> withSubjects = groups.entrySet()
			.stream()
			.filter((e) -> !e.getValue().isEmpty())
			.map(Map.Entry::getKey)
			.toList();
		if (withSubjects.size() < 2) {
			return List.of();
		}
		String experimental = design.experimentalArm().filter(withSubjects::contains).orElse(withSubjects.get(0));
		String reference = withSubjects.stream().filter((a) -> !a.equals(experimental)).findFirst().orElseThrow();
		return List.of(experimental, reference);
	}

}
