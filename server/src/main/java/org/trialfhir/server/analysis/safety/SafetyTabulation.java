package org.trialfhir.server.analysis.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.trialfhir.server.analysis.binary.BinomialProportion;
import org.trialfhir.server.analysis.binary.ClopperPearsonInterval;

/**
 * Tabulates adverse events by group, counting subjects (not events): a subject counts
 * once per row, under the worst (highest) CTCAE grade of the events in that row. The
 * denominator is the number of subjects at risk (treated) in the group, given by the
 * caller, so subjects without any adverse event need not be listed. Proportions get exact
 * Clopper &amp; Pearson (1934) intervals (R: {@code binom.test(count, atRisk)$conf.int}).
 */
public final class SafetyTabulation {

	private static final SafetyTabulation DEFAULTS = new SafetyTabulation(ClopperPearsonInterval.withDefaults());

	private final ClopperPearsonInterval interval;

	private SafetyTabulation(ClopperPearsonInterval interval) {
		this.interval = interval;
	}

	/**
	 * @return tabulation with 95% exact intervals
	 */
	public static SafetyTabulation withDefaults() {
		return DEFAULTS;
	}

	/**
	 * @param level confidence level
	 * @return tabulation with that level
	 */
	public SafetyTabulation withConfidenceLevel(double level) {
		return new SafetyTabulation(interval.withConfidenceLevel(level));
	}

	/**
	 * @param subjects subjects (with or without adverse events), unique ids, each in a
	 * group of {@code atRisk}
	 * @param atRisk subjects at risk per group, each {@code >= 1}; every group here gets
	 * a summary
	 * @return the table, groups in label order
	 */
	public SafetyTable tabulate(List<SafetySubject> subjects, Map<String, Integer> atRisk) {
		Objects.requireNonNull(subjects, "subjects");
		Objects.requireNonNull(atRisk, "subjects at risk");
		if (atRisk.isEmpty()) {
			throw new IllegalArgumentException("no groups: subjects at risk per group are required");
		}
		atRisk.forEach((group, n) -> {
			if (n == null || n < 1) {
				throw new IllegalArgumentException("group '" + group + "' has no subjects at risk (" + n + ")");
			}
		});
		Map<String, List<SafetySubject>> byGroup = new TreeMap<>();
		atRisk.keySet().forEach(g -> byGroup.put(g, new ArrayList<>()));
		Set<String> ids = new HashSet<>();
		for (SafetySubject s : subjects) {
			if (!ids.add(s.subjectId())) {
				throw new IllegalArgumentException("subject " + s.subjectId() + " is listed more than once");
			}
			List<SafetySubject> list = byGroup.get(s.group());
			if (list == null) {
				throw new IllegalArgumentException("subject " + s.subjectId() + " is in group '" + s.group()
						+ "', which has no subjects-at-risk count");
			}
			list.add(s);
		}
		List<GroupSafetySummary> groups = new ArrayList<>();
		byGroup.forEach((group, list) -> groups.add(summarize(group, atRisk.get(group), list)));
		return new SafetyTable(groups);
	}

	private GroupSafetySummary summarize(String group, int n, List<SafetySubject> subjects) {
		if (subjects.size() > n) {
			throw new IllegalArgumentException(
					"group '" + group + "' lists " + subjects.size() + " subjects but only " + n + " are at risk");
		}
		int any = 0;
		int grade3 = 0;
		int serious = 0;
		int[] worst = new int[5];
		Map<String, int[]> termWorst = new HashMap<>();
		for (SafetySubject s : subjects) {
			if (s.adverseEvents().isEmpty()) {
				continue;
			}
			any++;
			int max = 0;
			boolean sae = false;
			Map<String, Integer> perTerm = new HashMap<>();
			for (AdverseEvent e : s.adverseEvents()) {
				max = Math.max(max, e.grade());
				sae |= e.serious();
				perTerm.merge(e.term(), e.grade(), Math::max);
			}
			worst[max - 1]++;
			grade3 += max >= 3 ? 1 : 0;
			serious += sae ? 1 : 0;
			perTerm.forEach((term, g) -> termWorst.computeIfAbsent(term, t -> new int[5])[g - 1]++);
		}
		List<TermSummary> terms = new ArrayList<>();
		termWorst.forEach((term, grades) -> {
			int total = 0;
			for (int g : grades) {
				total += g;
			}
			terms.add(new TermSummary(term, count(total, n), counts(grades, n)));
		});
		terms.sort(
				Comparator.comparingInt((TermSummary t) -> -t.anyGrade().subjects()).thenComparing(TermSummary::term));
		return new GroupSafetySummary(group, n, count(any, n), counts(worst, n), count(grade3, n), count(serious, n),
				terms);
	}

	private List<SubjectCount> counts(int[] byGrade, int n) {
		List<SubjectCount> result = new ArrayList<>(byGrade.length);
		for (int c : byGrade) {
			result.add(count(c, n));
		}
		return result;
	}

	private SubjectCount count(int subjects, int n) {
		BinomialProportion p = interval.estimate(subjects, n);
		return new SubjectCount(subjects, n, p.estimate(), p.interval());
	}

}
