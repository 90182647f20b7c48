package org.trialfhir.server.analysis.safety;

import java.util.List;

/**
 * Adverse-event summary of one group; every count has the group's subjects at risk as
 * denominator.
 *
 * @param group group (arm)
 * @param atRisk subjects at risk (treated) in the group
 * @param anyEvent subjects with at least one adverse event
 * @param byWorstGrade subjects whose worst grade over all events is 1, 2, 3, 4, 5 (index
 * 0 = grade 1)
 * @param gradeThreeOrHigher subjects with an event of grade 3 or higher
 * @param serious subjects with a serious adverse event
 * @param terms per term, by decreasing number of subjects, then term
 */
public record GroupSafetySummary(String group, int atRisk, SubjectCount anyEvent, List<SubjectCount> byWorstGrade,
		SubjectCount gradeThreeOrHigher, SubjectCount serious, List<TermSummary> terms) {

	/** Copies the lists. */
	public GroupSafetySummary {
		byWorstGrade = List.copyOf(byWorstGrade);
		terms = List.copyOf(terms);
	}

	/**
	 * @param grade CTCAE grade 1 to 5
	 * @return subjects whose worst grade is {@code grade}
	 */
	public SubjectCount worstGrade(int grade) {
		return byGrade(byWorstGrade, grade);
	}

	/**
	 * @param term adverse event term
	 * @return the term's summary
	 */
	public TermSummary term(String term) {
		return terms.stream()
			.filter(t -> t.term().equals(term))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no adverse event term '" + term + "' in group " + group));
	}

	static SubjectCount byGrade(List<SubjectCount> counts, int grade) {
		if (grade < 1 || grade > 5) {
			throw new IllegalArgumentException("CTCAE grade must be 1 to 5, was " + grade);
		}
		return counts.get(grade - 1);
	}
}
