package org.trialfhir.server.analysis.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialfhir.server.analysis.ReferenceTable.assertEstimate;
import static org.trialfhir.server.analysis.ReferenceTable.assertPValue;
import static org.trialfhir.server.analysis.ReferenceTable.number;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.server.analysis.ReferenceTable;

class LogRankTests {

	private static final ReferenceTable TESTS = ReferenceTable.load("expected/logrank.csv");

	private static final ReferenceTable GROUPS = ReferenceTable.load("expected/logrank_groups.csv");

	private static final ReferenceTable VARIANCE = ReferenceTable.load("expected/logrank_variance.csv");

	static List<Map<String, String>> cases() {
		return TESTS.rows();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void matchesSurvdiff(Map<String, String> expected) {
		String key = expected.get("case");
		boolean stratified = !expected.get("strata_column").equals("none");
		List<SurvivalObservation> data = SurvivalDataSets.observations(expected.get("dataset"),
				expected.get("group_column"), stratified);
		LogRankResult result = stratified ? LogRankTest.withDefaults().testStratified(data)
				: LogRankTest.withDefaults().test(data);
		assertThat(result.stratified()).isEqualTo(stratified);
		assertEstimate(number(expected, "chisq"), result.test().statistic(), key + " chisq");
		assertThat(result.test().degreesOfFreedom()).isEqualTo((int) number(expected, "df"));
		assertPValue(number(expected, "p_value"), result.test().pValue(), key + " p");
		List<Map<String, String>> groups = GROUPS.rows(r -> r.get("case").equals(key));
		assertThat(result.groups()).hasSize(groups.size());
		for (int g = 0; g < groups.size(); g++) {
			LogRankGroup actual = result.groups().get(g);
			Map<String, String> r = groups.get(g);
			assertThat(actual.group()).isEqualTo(r.get("group"));
			assertThat(actual.subjects()).isEqualTo((int) number(r, "n"));
			assertEstimate(number(r, "observed"), actual.observed(), key + " O " + actual.group());
			assertEstimate(number(r, "expected"), actual.expected(), key + " E " + actual.group());
		}
		List<Map<String, String>> variance = VARIANCE.rows(r -> r.get("case").equals(key));
		for (Map<String, String> r : variance) {
			int i = indexOf(result, r.get("row_group"));
			int j = indexOf(result, r.get("column_group"));
			double v = number(r, "variance");
			// off-diagonal elements of a 2 x 2 matrix are -V11; compare with the
			// diagonal's scale
			double scale = Math.abs(result.variance(i, i)) * 1e-6;
			assertThat(result.variance(i, j)).as(key + " var[" + i + "," + j + "]")
				.isCloseTo(v, org.assertj.core.data.Offset.offset(Math.max(scale, 1e-12)));
		}
	}

	private static int indexOf(LogRankResult result, String group) {
		for (int g = 0; g < result.groups().size(); g++) {
			if (result.groups().get(g).group().equals(group)) {
				return g;
			}
		}
		throw new AssertionError("no group " + group);
	}

	@Test
	void varianceIsReturnedAsCopy() {
		LogRankResult r = LogRankTest.withDefaults().test(SurvivalDataSets.observations("ties"));
		double[][] v = r.variance();
		v[0][0] = 42;
		assertThat(r.variance(0, 0)).isNotEqualTo(42);
	}

	@Test
	void rejectsDegenerateInput() {
		assertThatThrownBy(() -> LogRankTest.withDefaults().test(SurvivalDataSets.observations("allcensored")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no events");
		assertThatThrownBy(() -> LogRankTest.withDefaults().test(SurvivalDataSets.observations("single")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least two groups");
		assertThatThrownBy(() -> LogRankTest.withDefaults().test(List.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no observations");
		// group B leaves follow-up before the first event: only one group is ever at risk
		// at an event time
		List<SurvivalObservation> early = List.of(SurvivalObservation.of(1, false, "B"),
				SurvivalObservation.of(2, true, "A"), SurvivalObservation.of(3, true, "A"));
		assertThatThrownBy(() -> LogRankTest.withDefaults().test(early)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("fewer than two groups");
	}

}
