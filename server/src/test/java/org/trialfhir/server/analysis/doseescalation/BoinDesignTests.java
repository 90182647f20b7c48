package org.trialfhir.server.analysis.doseescalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trialfhir.server.analysis.ReferenceTable.assertEstimate;
import static org.trialfhir.server.analysis.ReferenceTable.number;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.server.analysis.ReferenceTable;

class BoinDesignTests {

	@Test
	void boundariesMatchPublishedValues() {
		// Liu & Yuan (2015) / BOIN package, printed to 3 decimals (0.35852 is printed as
		// 0.358, i.e. truncated)
		assertThat(BoinDesign.of(0.30).lambdaEscalation()).isCloseTo(0.236, within(1e-3));
		assertThat(BoinDesign.of(0.30).lambdaDeescalation()).isCloseTo(0.358, within(1e-3));
		assertThat(BoinDesign.of(0.25).lambdaEscalation()).isCloseTo(0.197, within(1e-3));
		assertThat(BoinDesign.of(0.25).lambdaDeescalation()).isCloseTo(0.298, within(1e-3));
	}

	@Test
	void publishedBoundaryTableForTargetThirtyPercent() {
		// BOIN get.boundary(target = 0.3, ncohort = 10, cohortsize = 3)
		int[] escalate = { 0, 1, 2, 2, 3, 4, 4, 5, 6, 7 };
		int[] deescalate = { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
		int[] eliminate = { 3, 4, 5, 7, 8, 9, 10, 11, 12, 14 };
		List<BoinBoundary> table = BoinDesign.of(0.3).boundaries(30);
		for (int k = 0; k < 10; k++) {
			BoinBoundary b = table.get(3 * k + 2);
			assertThat(b.treated()).isEqualTo(3 * (k + 1));
			assertThat(b.escalateAtMost()).isEqualTo(escalate[k]);
			assertThat(b.deescalateAtLeast()).isEqualTo(deescalate[k]);
			assertThat(b.eliminateAtLeast()).hasValue(eliminate[k]);
		}
		assertThat(table.get(1).eliminateAtLeast()).isEmpty();
	}

	@Test
	void lambdasMatchClosedFormInR() {
		for (Map<String, String> r : ReferenceTable.load("expected/boin_lambda.csv").rows()) {
			BoinDesign design = BoinDesign.of(number(r, "target"));
			assertEstimate(number(r, "lambda_e"), design.lambdaEscalation(), "lambda_e");
			assertEstimate(number(r, "lambda_d"), design.lambdaDeescalation(), "lambda_d");
		}
	}

	@Test
	void boundaryTablesMatchR() {
		List<Map<String, String>> rows = ReferenceTable.load("expected/boin_boundaries.csv").rows();
		for (Map<String, String> r : rows) {
			BoinBoundary b = BoinDesign.of(number(r, "target")).boundaries(30).get((int) number(r, "n") - 1);
			String at = "target " + r.get("target") + " n " + r.get("n");
			assertThat(b.escalateAtMost()).as(at).isEqualTo((int) number(r, "escalate_at_most"));
			assertThat(b.deescalateAtLeast()).as(at).isEqualTo((int) number(r, "deescalate_at_least"));
			double elim = number(r, "eliminate_at_least");
			if (Double.isNaN(elim)) {
				assertThat(b.eliminateAtLeast()).as(at).isEmpty();
			}
			else {
				assertThat(b.eliminateAtLeast()).as(at).hasValue((int) elim);
			}
		}
		assertThat(rows).hasSize(120);
	}

	static List<Map<String, String>> mtdCases() {
		return ReferenceTable.load("expected/boin_mtd.csv").rows();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mtdCases")
	void mtdSelectionMatchesR(Map<String, String> r) {
		int[] n = Arrays.stream(r.get("npts").split(" ")).mapToInt(Integer::parseInt).toArray();
		int[] y = Arrays.stream(r.get("ntox").split(" ")).mapToInt(Integer::parseInt).toArray();
		List<DoseLevelOutcome> doses = new ArrayList<>();
		for (int i = 0; i < n.length; i++) {
			doses.add(new DoseLevelOutcome(n[i], y[i]));
		}
		MtdSelection selection = BoinDesign.of(number(r, "target")).selectMtd(doses);
		int mtd = (int) number(r, "mtd");
		if (mtd == 0) {
			assertThat(selection.maximumToleratedDose()).isEmpty();
		}
		else {
			assertThat(selection.maximumToleratedDose()).hasValue(mtd);
		}
		String[] est = r.get("isotonic_estimates").split(" ");
		for (int i = 0; i < est.length; i++) {
			OptionalDouble actual = selection.isotonicEstimates().get(i);
			if (est[i].equals("NA")) {
				assertThat(actual).isEmpty();
			}
			else {
				assertEstimate(Double.parseDouble(est[i]), actual.orElseThrow(), "dose " + (i + 1));
			}
		}
	}

	@Test
	void selectMtdDocumentedExample() {
		// BOIN select.mtd help page example: MTD is dose level 3
		List<DoseLevelOutcome> doses = List.of(new DoseLevelOutcome(3, 0), new DoseLevelOutcome(3, 0),
				new DoseLevelOutcome(15, 4), new DoseLevelOutcome(9, 4), DoseLevelOutcome.untreated());
		assertThat(BoinDesign.of(0.3).selectMtd(doses).maximumToleratedDose()).hasValue(3);
	}

	private static List<DoseLevelOutcome> doses(int... treatedAndDlt) {
		List<DoseLevelOutcome> d = new ArrayList<>();
		for (int i = 0; i < treatedAndDlt.length; i += 2) {
			d.add(new DoseLevelOutcome(treatedAndDlt[i], treatedAndDlt[i + 1]));
		}
		return d;
	}

	@Test
	void decisions() {
		BoinDesign boin = BoinDesign.of(0.3);
		assertDecision(boin.decide(doses(3, 0, 0, 0, 0, 0), 1), DoseEscalationAction.ESCALATE, 2);
		assertDecision(boin.decide(doses(3, 0, 3, 1, 0, 0), 2), DoseEscalationAction.STAY, 2);
		assertDecision(boin.decide(doses(3, 0, 3, 2, 0, 0), 2), DoseEscalationAction.DE_ESCALATE, 1);
		// 6 patients: escalate if <= 1, de-escalate if >= 3
		assertDecision(boin.decide(doses(3, 0, 6, 1, 0, 0), 2), DoseEscalationAction.ESCALATE, 3);
		assertDecision(boin.decide(doses(3, 0, 6, 2, 0, 0), 2), DoseEscalationAction.STAY, 2);
		assertDecision(boin.decide(doses(3, 0, 6, 3, 0, 0), 2), DoseEscalationAction.DE_ESCALATE, 1);
	}

	@Test
	void edgeCases() {
		BoinDesign boin = BoinDesign.of(0.3);
		// escalation at the highest dose: stay
		assertDecision(boin.decide(doses(3, 0, 3, 0), 2), DoseEscalationAction.STAY, 2);
		// de-escalation at the lowest dose (not eliminated): stay
		assertDecision(boin.decide(doses(3, 2, 0, 0), 1), DoseEscalationAction.STAY, 1);
		// lowest dose eliminated (3/3): stop without MTD
		DoseEscalationDecision stop = boin.decide(doses(3, 3, 0, 0), 1);
		assertThat(stop.action()).isEqualTo(DoseEscalationAction.STOP);
		assertThat(stop.nextDose()).isEmpty();
		assertThat(stop.maximumToleratedDose()).isEmpty();
		// current dose eliminated: go to the dose below
		assertDecision(boin.decide(doses(6, 1, 3, 3, 0, 0), 2), DoseEscalationAction.ELIMINATE, 1);
		// next dose eliminated earlier: stay instead of escalating
		assertDecision(boin.decide(doses(6, 0, 6, 4), 1), DoseEscalationAction.STAY, 1);
		assertThat(boin.probabilityAboveTarget(3, 3)).isGreaterThan(0.95);
		assertThat(boin.probabilityAboveTarget(2, 3)).isLessThan(0.95);
	}

	private static void assertDecision(DoseEscalationDecision d, DoseEscalationAction action, int next) {
		assertThat(d.action()).as(d.reason()).isEqualTo(action);
		assertThat(d.nextDose()).as(d.reason()).hasValue(next);
		assertThat(d.reason()).isNotBlank();
	}

	@Test
	void isotonicRegressionPoolsViolators() {
		assertThat(IsotonicRegression.fit(new double[] { 0.1, 0.3, 0.2, 0.4 }, new double[] { 1, 1, 1, 1 }))
			.containsExactly(new double[] { 0.1, 0.25, 0.25, 0.4 }, within(1e-15));
		assertThat(IsotonicRegression.fit(new double[] { 0.5, 0.2, 0.1 }, new double[] { 1, 2, 1 }))
			.containsExactly(new double[] { 0.25, 0.25, 0.25 }, within(1e-15));
		assertThat(IsotonicRegression.fit(new double[] { 0.5, 0.1 }, new double[] { 3, 1 }))
			.containsExactly(new double[] { 0.4, 0.4 }, within(1e-15));
	}

	@Test
	void rejectsDegenerateInput() {
		assertThatThrownBy(() -> BoinDesign.of(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("target");
		assertThatThrownBy(() -> BoinDesign.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BoinDesign.of(0.3).withBoundaryRates(0.35, 0.4))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("phi1");
		assertThatThrownBy(() -> BoinDesign.of(0.3).withEliminationCutoff(1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BoinDesign.of(0.3).decide(doses(3, 0, 0, 0), 2))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no patients treated");
		assertThatThrownBy(() -> BoinDesign.of(0.3).decide(doses(3, 0), 2)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("current dose level");
		assertThatThrownBy(() -> BoinDesign.of(0.3).decide(List.of(), 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no dose levels");
		assertThatThrownBy(() -> new DoseLevelOutcome(3, 4)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("DLTs");
		assertThatThrownBy(() -> BoinDesign.of(0.3).boundaries(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> IsotonicRegression.fit(new double[] { 0.1 }, new double[] { 0 }))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("weight");
		assertThatThrownBy(() -> IsotonicRegression.fit(new double[] { Double.NaN }, new double[] { 1 }))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not finite");
	}

	@Test
	void followsThePublishedStepByStepExample() {
		// Han, Pan, Zhang, Liu & Yuan (2019), p. 25, as the R package escalation's
		// test_boin.R replays it: 5 doses, target 0.3; cohorts as "dose, DLTs of 3" and
		// the dose recommended after each
		int[][] cohorts = { { 1, 0 }, { 2, 0 }, { 3, 2 }, { 2, 1 }, { 3, 0 }, { 3, 0 }, { 4, 3 }, { 3, 1 }, { 3, 1 },
				{ 3, 1 } };
		int[] recommended = { 2, 3, 2, 3, 3, 4, 3, 3, 3, 3 };
		int[] n = new int[5];
		int[] y = new int[5];
		BoinDesign design = BoinDesign.of(0.3);
		for (int c = 0; c < cohorts.length; c++) {
			n[cohorts[c][0] - 1] += 3;
			y[cohorts[c][0] - 1] += cohorts[c][1];
			List<DoseLevelOutcome> outcomes = new ArrayList<>();
			for (int d = 0; d < 5; d++) {
				outcomes.add(new DoseLevelOutcome(n[d], y[d]));
			}
			assertThat(design.decide(outcomes, cohorts[c][0]).nextDose()).as("after cohort " + (c + 1))
				.hasValue(recommended[c]);
		}
		assertThat(n).containsExactly(3, 6, 18, 3, 0);
		assertThat(y).containsExactly(0, 1, 5, 3, 0);
	}

}
