package org.trialfhir.server.analysis.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialfhir.server.analysis.ReferenceTable.assertEstimate;
import static org.trialfhir.server.analysis.ReferenceTable.number;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.trialfhir.server.analysis.ReferenceTable;

class SafetyTabulationTests {

	private static final List<SafetySubject> SUBJECTS = List.of(
			new SafetySubject("s1", "A",
					List.of(new AdverseEvent("Nausea", 1, false), new AdverseEvent("Nausea", 3, false),
							new AdverseEvent("Fatigue", 2, false))),
			new SafetySubject("s2", "A", List.of(new AdverseEvent("Neutropenia", 4, true))),
			new SafetySubject("s3", "A", List.of()),
			new SafetySubject("s4", "A", List.of(new AdverseEvent("Nausea", 1, false))),
			new SafetySubject("s5", "B", List.of(new AdverseEvent("Fatigue", 1, true))), new SafetySubject("s6", "B",
					List.of(new AdverseEvent("Sepsis", 5, true), new AdverseEvent("Fatigue", 2, false))));

	private static final SafetyTable TABLE = SafetyTabulation.withDefaults()
		.tabulate(SUBJECTS, Map.of("A", 10, "B", 3, "C", 17));

	@Test
	void countsSubjectsOnceUnderTheirWorstGrade() {
		GroupSafetySummary a = TABLE.group("A");
		assertThat(a.atRisk()).isEqualTo(10);
		assertThat(a.anyEvent().subjects()).isEqualTo(3);
		assertThat(a.worstGrade(1).subjects()).isEqualTo(1); // s4
		assertThat(a.worstGrade(2).subjects()).isZero();
		assertThat(a.worstGrade(3).subjects()).isEqualTo(1); // s1
		assertThat(a.worstGrade(4).subjects()).isEqualTo(1); // s2
		assertThat(a.worstGrade(5).subjects()).isZero();
		assertThat(a.gradeThreeOrHigher().subjects()).isEqualTo(2);
		assertThat(a.serious().subjects()).isEqualTo(1);
		TermSummary nausea = a.term("Nausea");
		assertThat(nausea.anyGrade().subjects()).isEqualTo(2);
		assertThat(nausea.worstGrade(1).subjects()).isEqualTo(1);
		assertThat(nausea.worstGrade(3).subjects()).isEqualTo(1);
		assertThat(a.terms()).extracting(TermSummary::term).containsExactly("Nausea", "Fatigue", "Neutropenia");
		GroupSafetySummary b = TABLE.group("B");
		assertThat(b.worstGrade(5).subjects()).isEqualTo(1);
		assertThat(b.serious().subjects()).isEqualTo(2);
		assertThat(b.term("Fatigue").worstGrade(2).subjects()).isEqualTo(1);
		assertThat(b.term("Fatigue").worstGrade(1).subjects()).isEqualTo(1);
	}

	@Test
	void groupsWithoutEventsAreReported() {
		GroupSafetySummary c = TABLE.group("C");
		assertThat(c.anyEvent().subjects()).isZero();
		assertThat(c.anyEvent().interval().lower()).isZero();
		assertThat(c.terms()).isEmpty();
		assertThat(TABLE.groups()).extracting(GroupSafetySummary::group).containsExactly("A", "B", "C");
	}

	@Test
	void proportionsHaveBinomTestIntervals() {
		// binomial.csv has binom.test(3, 10) and binom.test(0, 10)
		ReferenceTable binomial = ReferenceTable.load("expected/binomial.csv");
		Map<String, String> threeOfTen = binomial.rows(r -> r.get("x").equals("3") && r.get("n").equals("10")).get(0);
		SubjectCount any = TABLE.group("A").anyEvent();
		assertThat(any.proportion()).isEqualTo(0.3);
		assertEstimate(number(threeOfTen, "lower"), any.interval().lower(), "lower");
		assertEstimate(number(threeOfTen, "upper"), any.interval().upper(), "upper");
		Map<String, String> zeroOfTen = binomial.rows(r -> r.get("x").equals("0") && r.get("n").equals("10")).get(0);
		assertEstimate(number(zeroOfTen, "upper"), TABLE.group("A").worstGrade(5).interval().upper(), "upper");
	}

	@Test
	void rejectsDegenerateInput() {
		SafetyTabulation t = SafetyTabulation.withDefaults();
		assertThatThrownBy(() -> t.tabulate(SUBJECTS, Map.of("A", 10, "B", 0)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no subjects at risk");
		assertThatThrownBy(() -> t.tabulate(SUBJECTS, Map.of("A", 10))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no subjects-at-risk count");
		assertThatThrownBy(() -> t.tabulate(SUBJECTS, Map.of("A", 3, "B", 2)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("only 3 are at risk");
		assertThatThrownBy(() -> t.tabulate(List.of(SUBJECTS.get(0), SUBJECTS.get(0)), Map.of("A", 10)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("more than once");
		assertThatThrownBy(() -> t.tabulate(SUBJECTS, Map.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no groups");
		assertThatThrownBy(() -> new AdverseEvent("Rash", 6, false)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("grade");
		assertThatThrownBy(() -> new AdverseEvent(" ", 2, false)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("term");
		assertThatThrownBy(() -> TABLE.group("A").worstGrade(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TABLE.group("Z")).isInstanceOf(IllegalArgumentException.class);
	}

}
