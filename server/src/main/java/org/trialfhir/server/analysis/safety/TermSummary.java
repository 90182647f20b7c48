package org.trialfhir.server.analysis.safety;

import java.util.List;

/**
 * Subjects with one adverse event term in a group, overall and by the worst grade of that
 * term.
 *
 * @param term the term
 * @param anyGrade subjects with the term at any grade
 * @param byWorstGrade subjects whose worst grade of the term is 1, 2, 3, 4, 5 (index 0 =
 * grade 1)
 */
public record TermSummary(String term, SubjectCount anyGrade, List<SubjectCount> byWorstGrade) {

	/** Copies the list. */
	public TermSummary {
		byWorstGrade = List.copyOf(byWorstGrade);
	}

	/**
	 * @param grade CTCAE grade 1 to 5
	 * @return subjects whose worst grade of this term is {@code grade}
	 */
	public SubjectCount worstGrade(int grade) {
		return GroupSafetySummary.byGrade(byWorstGrade, grade);
	}
}
