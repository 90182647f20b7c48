package org.trialfhir.server.analysis.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trialfhir.server.analysis.ReferenceTable.assertEstimate;
import static org.trialfhir.server.analysis.ReferenceTable.assertPValue;
import static org.trialfhir.server.analysis.ReferenceTable.number;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.server.analysis.ReferenceTable;

class BinaryEndpointTests {

	static List<Map<String, String>> binomial() {
		return ReferenceTable.load("expected/binomial.csv").rows();
	}

	static List<Map<String, String>> fisher() {
		return ReferenceTable.load("expected/fisher.csv").rows();
	}

	static List<Map<String, String>> newcombe() {
		return ReferenceTable.load("expected/newcombe.csv").rows();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("binomial")
	void clopperPearsonMatchesBinomTest(Map<String, String> r) {
		int x = (int) number(r, "x");
		int n = (int) number(r, "n");
		BinomialProportion p = ClopperPearsonInterval.withDefaults().estimate(x, n);
		assertEstimate(number(r, "estimate"), p.estimate(), "estimate");
		assertEstimate(number(r, "lower"), p.interval().lower(), x + "/" + n + " lower");
		assertEstimate(number(r, "upper"), p.interval().upper(), x + "/" + n + " upper");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("binomial")
	void wilsonMatchesPropTestWithoutCorrection(Map<String, String> r) {
		int x = (int) number(r, "x");
		int n = (int) number(r, "n");
		BinomialProportion p = WilsonScoreInterval.withDefaults().estimate(x, n);
		assertEstimate(number(r, "wilson_lower"), p.interval().lower(), x + "/" + n + " lower");
		assertEstimate(number(r, "wilson_upper"), p.interval().upper(), x + "/" + n + " upper");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("newcombe")
	void newcombeHybridScoreMatchesR(Map<String, String> r) {
		ProportionDifference d = NewcombeDifferenceInterval.withDefaults()
			.difference((int) number(r, "x1"), (int) number(r, "n1"), (int) number(r, "x2"), (int) number(r, "n2"));
		assertEstimate(number(r, "difference"), d.difference(), "difference");
		assertEstimate(number(r, "lower"), d.interval().lower(), "lower");
		assertEstimate(number(r, "upper"), d.interval().upper(), "upper");
		assertThat(d.interval().lower()).isGreaterThanOrEqualTo(-1);
		assertThat(d.interval().upper()).isLessThanOrEqualTo(1);
	}

	@Test
	void newcombePublishedExample() {
		// Newcombe (1998) Table II, example (a): 56/70 vs 48/80 -> 0.2000 (0.0524,
		// 0.3339)
		ProportionDifference d = NewcombeDifferenceInterval.withDefaults().difference(56, 70, 48, 80);
		assertThat(d.interval().lower()).isCloseTo(0.0524, within(5e-5));
		assertThat(d.interval().upper()).isCloseTo(0.3339, within(5e-5));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fisher")
	void fisherMatchesFisherTest(Map<String, String> r) {
		TwoByTwoTable t = new TwoByTwoTable((int) number(r, "a"), (int) number(r, "b"), (int) number(r, "c"),
				(int) number(r, "d"));
		FisherExactResult result = FisherExactTest.withDefaults().test(t);
		assertPValue(number(r, "p_value"), result.pValue(), t + " p");
		assertEstimate(number(r, "odds_ratio_precise"), result.oddsRatio(), t + " OR");
		assertEstimate(number(r, "or_lower_precise"), result.oddsRatioInterval().lower(), t + " OR lower");
		assertEstimate(number(r, "or_upper_precise"), result.oddsRatioInterval().upper(), t + " OR upper");
		// fisher.test itself stops uniroot at ~1e-4 on the (0, 1) scale: agreement to 1%
		// only (see FisherExactTest)
		assertWithinPercent(number(r, "odds_ratio"), result.oddsRatio(), t + " fisher.test OR");
		assertWithinPercent(number(r, "or_lower"), result.oddsRatioInterval().lower(), t + " fisher.test OR lower");
		assertWithinPercent(number(r, "or_upper"), result.oddsRatioInterval().upper(), t + " fisher.test OR upper");
	}

	private static void assertWithinPercent(double r, double actual, String what) {
		if (Double.isFinite(r) && r != 0) {
			assertThat(actual).as(what).isCloseTo(r, within(0.01 * r));
		}
		else {
			assertThat(actual).as(what).isEqualTo(r);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fisher")
	void fisherAgreesWithCommonsStatistics(Map<String, String> r) {
		int[][] table = { { (int) number(r, "a"), (int) number(r, "b") },
				{ (int) number(r, "c"), (int) number(r, "d") } };
		double commons = org.apache.commons.statistics.inference.FisherExactTest.withDefaults().test(table).getPValue();
		double ours = FisherExactTest.withDefaults()
			.test(new TwoByTwoTable(table[0][0], table[0][1], table[1][0], table[1][1]))
			.pValue();
		assertThat(ours).isCloseTo(commons, within(1e-9));
	}

	@Test
	void rejectsDegenerateInput() {
		assertThatThrownBy(() -> ClopperPearsonInterval.withDefaults().estimate(1, 0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("denominator");
		assertThatThrownBy(() -> ClopperPearsonInterval.withDefaults().estimate(5, 4))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("count");
		assertThatThrownBy(() -> WilsonScoreInterval.withDefaults().estimate(-1, 4))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("count");
		assertThatThrownBy(() -> new TwoByTwoTable(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("empty");
		assertThatThrownBy(() -> new TwoByTwoTable(1, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(">= 0");
		assertThatThrownBy(() -> TwoByTwoTable.ofGroups(3, 2, 1, 5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ClopperPearsonInterval.withDefaults().withConfidenceLevel(Double.NaN))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("confidence level");
		assertThat(TwoByTwoTable.ofGroups(3, 10, 1, 5)).isEqualTo(new TwoByTwoTable(3, 7, 1, 4));
	}

}
