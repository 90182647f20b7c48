package org.trialfhir.server.analysis.doseescalation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.trialfhir.server.analysis.doseescalation.DoseFindingSimulator.Design;
import org.trialfhir.server.analysis.doseescalation.DoseFindingSimulator.SimulatedTrial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DoseFindingSimulatorTests {

	private static final double EXACT = 1e-12;

	@Test
	void threePlusThreeWithCertainOutcomesFollowsTheRuleStepByStep() {
		// DL1 0/3 -> DL2 0/3 -> DL3 3/3 -> back to DL2, 0/6 -> MTD 2; 12 patients, 3 DLTs
		SimulationScenario scenario = new SimulationScenario("certain", List.of(0.0, 0.0, 1.0), 0.3);
		OperatingCharacteristics oc = DoseFindingSimulator.of(3, 12).simulate(Design.THREE_PLUS_THREE, scenario, 5, 1);

		assertThat(oc.selectionPercent()).containsExactly(0.0, 100.0, 0.0);
		assertThat(oc.patientsPerDose()).containsExactly(3.0, 6.0, 3.0);
		assertThat(oc.meanSampleSize()).isEqualTo(12.0);
		assertThat(oc.dltPercent()).isCloseTo(25.0, within(EXACT));
		// true MTD: DL1 and DL2 (0.0) are equally far from 0.3; the lower one wins, so
		// selecting DL2 is wrong and the 9 patients at DL2 and DL3 are overdosed
		assertThat(scenario.trueMtd()).hasValue(1);
		assertThat(oc.correctSelectionPercent()).isZero();
		assertThat(oc.patientsAtMtdPercent()).isCloseTo(25.0, within(EXACT));
		assertThat(oc.overdosedPercent()).isCloseTo(75.0, within(EXACT));
	}

	@Test
	void boinWithCertainOutcomesEliminatesAndStaysBelow() {
		// DL1 0/3, DL2 0/3, DL3 3/3 (eliminated), then DL2 for the last cohort: 12
		// patients
		SimulationScenario scenario = new SimulationScenario("certain", List.of(0.0, 0.0, 1.0), 0.3);
		OperatingCharacteristics oc = DoseFindingSimulator.of(3, 4).simulate(Design.BOIN, scenario, 3, 7);

		assertThat(oc.patientsPerDose()).containsExactly(3.0, 6.0, 3.0);
		assertThat(oc.selectionPercent()).containsExactly(0.0, 100.0, 0.0);
		assertThat(oc.noSelectionPercent()).isZero();
		assertThat(oc.dltPercent()).isCloseTo(25.0, within(EXACT));
	}

	@Test
	void everyDoseToxicStopsAtTheFirstCohortWithoutMtd() {
		SimulationScenario scenario = new SimulationScenario("toxic", List.of(1.0, 1.0), 0.3);
		for (Design design : Design.values()) {
			OperatingCharacteristics oc = DoseFindingSimulator.of(3, 10).simulate(design, scenario, 4, 3);
			assertThat(oc.meanSampleSize()).as(design.label()).isEqualTo(3.0);
			assertThat(oc.noSelectionPercent()).as(design.label()).isEqualTo(100.0);
			// no dose is acceptable: stopping without MTD is the correct outcome
			assertThat(oc.correctSelectionPercent()).as(design.label()).isEqualTo(100.0);
			assertThat(oc.overdosedPercent()).as(design.label()).isEqualTo(100.0);
		}
	}

	@Test
	void noToxicityBoinClimbsToTheTopAndTreatsTheMaximumSampleSize() {
		SimulationScenario scenario = new SimulationScenario("safe", List.of(0.0, 0.0, 0.0), 0.3);
		OperatingCharacteristics oc = DoseFindingSimulator.of(3, 6).simulate(Design.BOIN, scenario, 2, 5);
		assertThat(oc.patientsPerDose()).containsExactly(3.0, 3.0, 12.0);
		assertThat(oc.selectionPercent()).containsExactly(0.0, 0.0, 100.0);
	}

	@Test
	void sameSeedSameResultOtherSeedOtherResult() {
		SimulationScenario scenario = new SimulationScenario("s", List.of(0.1, 0.3, 0.5), 0.3);
		DoseFindingSimulator simulator = DoseFindingSimulator.of(3, 6);
		assertThat(simulator.simulate(Design.BOIN, scenario, 500, 42))
			.isEqualTo(simulator.simulate(Design.BOIN, scenario, 500, 42));
		assertThat(simulator.simulate(Design.BOIN, scenario, 500, 42))
			.isNotEqualTo(simulator.simulate(Design.BOIN, scenario, 500, 43));
	}

	@Test
	void simulatedSelectionMatchesExactEnumerationForBothDesigns() {
		// exact selection probabilities by enumerating every cohort outcome with its
		// binomial probability; the simulation must agree within 4.5 standard errors
		SimulationScenario scenario = new SimulationScenario("s", List.of(0.10, 0.30, 0.50), 0.3);
		DoseFindingSimulator simulator = DoseFindingSimulator.of(3, 5);
		int trials = 20_000;
		for (Design design : Design.values()) {
			double[] exact = new double[4];
			enumerate(design, scenario, new int[3], new int[3], 1, 0, 1.0, exact);
			assertThat(exact[0] + exact[1] + exact[2] + exact[3]).isCloseTo(1.0, within(1e-9));
			OperatingCharacteristics oc = simulator.simulate(design, scenario, trials, 2015);
			for (int d = 0; d < 3; d++) {
				double p = exact[d + 1];
				double se = Math.sqrt(p * (1 - p) / trials);
				assertThat(oc.selectionPercent().get(d) / 100).as(design.label() + " dose " + (d + 1) + " exact " + p)
					.isCloseTo(p, within(4.5 * se + 1e-9));
			}
		}
	}

	/**
	 * Adds to {@code exact[mtd]} (index 0 = no MTD) the probability of every trial path
	 * from this state.
	 */
	private static void enumerate(Design design, SimulationScenario scenario, int[] n, int[] y, int dose, int cohorts,
			double probability, double[] exact) {
		BinomialDistribution cohort = BinomialDistribution.of(3, scenario.trueToxicity().get(dose - 1));
		for (int dlts = 0; dlts <= 3; dlts++) {
			double p = probability * cohort.probability(dlts);
			int[] n2 = n.clone();
			int[] y2 = y.clone();
			n2[dose - 1] += 3;
			y2[dose - 1] += dlts;
			List<DoseLevelOutcome> outcomes = new ArrayList<>();
			for (int d = 0; d < n.length; d++) {
				outcomes.add(new DoseLevelOutcome(n2[d], y2[d]));
			}
			DoseEscalationDecision decision = (design == Design.BOIN)
					? BoinDesign.of(scenario.target()).decide(outcomes, dose)
					: ThreePlusThreeDesign.withDefaults().decide(outcomes, dose);
			if (decision.action() == DoseEscalationAction.STOP) {
				exact[(design == Design.BOIN) ? 0 : decision.maximumToleratedDose().orElse(0)] += p;
			}
			else if (design == Design.BOIN && cohorts + 1 == 5) {
				exact[BoinDesign.of(scenario.target()).selectMtd(outcomes).maximumToleratedDose().orElse(0)] += p;
			}
			else {
				enumerate(design, scenario, n2, y2, decision.nextDose().getAsInt(), cohorts + 1, p, exact);
			}
		}
	}

	@Test
	void aSimulatedTrialCountsEveryPatientOnce() {
		SimulationScenario scenario = new SimulationScenario("s", List.of(0.2, 0.4), 0.3);
		SimulatedTrial trial = DoseFindingSimulator.of(3, 8).boin(scenario, new SplittableRandom(9));
		assertThat(trial.treated()[0] + trial.treated()[1]).isEqualTo(24);
		for (int d = 0; d < 2; d++) {
			assertThat(trial.toxicities()[d]).isBetween(0, trial.treated()[d]);
		}
	}

}
