package org.trialfhir.server.analysis.doseescalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Monte-Carlo operating characteristics of the 3+3 and BOIN designs, as BOIN's
 * {@code get.oc} (Yan, Zhang, Liu &amp; Yuan 2020, JSS 94(13)) computes them.
 *
 * <p>
 * Each simulated trial starts at dose level 1 and treats cohorts of {@code cohortSize}
 * patients; each patient has a DLT with the scenario's true probability at the dose (a
 * uniform draw {@code u < p} from {@link SplittableRandom} seeded once per run, so a run
 * is reproducible from its seed). After each cohort the design decides
 * ({@link ThreePlusThreeDesign#decide} with cohorts of 3, or {@link BoinDesign#decide}).
 * 3+3 runs until its rule stops (its MTD is the one the rule declares); BOIN runs
 * {@code maxCohorts} cohorts unless the lowest dose is eliminated (stop, no MTD), then
 * selects the MTD by isotonic regression ({@link BoinDesign#selectMtd}).
 */
public final class DoseFindingSimulator {

	/** Design to simulate. */
	public enum Design {

		/** 3+3 (cohorts of 3, no maximum sample size). */
		THREE_PLUS_THREE("3+3"),
		/** BOIN with the scenario's target and default boundaries. */
		BOIN("BOIN");

		private final String label;

		Design(String label) {
			this.label = label;
		}

		/**
		 * @return the design's usual name
		 */
		public String label() {
			return label;
		}

	}

	private final int cohortSize;

	private final int maxCohorts;

	private DoseFindingSimulator(int cohortSize, int maxCohorts) {
		this.cohortSize = cohortSize;
		this.maxCohorts = maxCohorts;
	}

	/**
	 * @param cohortSize BOIN cohort size (3+3 always uses 3)
	 * @param maxCohorts BOIN's number of cohorts (maximum sample size
	 * {@code cohortSize * maxCohorts})
	 * @return the simulator
	 */
	public static DoseFindingSimulator of(int cohortSize, int maxCohorts) {
		if (cohortSize < 1 || maxCohorts < 1) {
			throw new IllegalArgumentException(
					"cohort size and number of cohorts must be >= 1, were " + cohortSize + ", " + maxCohorts);
		}
		return new DoseFindingSimulator(cohortSize, maxCohorts);
	}

	/**
	 * @param design design
	 * @param scenario true toxicity
	 * @param trials number of simulated trials, at least 1
	 * @param seed random seed
	 * @return the operating characteristics
	 */
	public OperatingCharacteristics simulate(Design design, SimulationScenario scenario, int trials, long seed) {
		Objects.requireNonNull(design, "design");
		Objects.requireNonNull(scenario, "scenario");
		if (trials < 1) {
			throw new IllegalArgumentException("number of trials must be >= 1, was " + trials);
		}
		int k = scenario.trueToxicity().size();
		SplittableRandom random = new SplittableRandom(seed);
		long[] selected = new long[k];
		long none = 0;
		long[] patients = new long[k];
		long dlts = 0;
		for (int t = 0; t < trials; t++) {
			SimulatedTrial trial = (design == Design.BOIN) ? boin(scenario, random) : threePlusThree(scenario, random);
			if (trial.mtd().isPresent()) {
				selected[trial.mtd().getAsInt() - 1]++;
			}
			else {
				none++;
			}
			for (int d = 0; d < k; d++) {
				patients[d] += trial.treated()[d];
				dlts += trial.toxicities()[d];
			}
		}
		return summarize(design, scenario, trials, selected, none, patients, dlts);
	}

	private static OperatingCharacteristics summarize(Design design, SimulationScenario scenario, int trials,
			long[] selected, long none, long[] patients, long dlts) {
		int k = selected.length;
		OptionalInt mtd = scenario.trueMtd();
		long total = 0;
		List<Double> selection = new ArrayList<>();
		List<Double> perDose = new ArrayList<>();
		for (int d = 0; d < k; d++) {
			total += patients[d];
			selection.add(100.0 * selected[d] / trials);
			perDose.add((double) patients[d] / trials);
		}
		long atMtd = mtd.isPresent() ? patients[mtd.getAsInt() - 1] : 0;
		long above = 0;
		for (int d = mtd.orElse(0); d < k; d++) {
			above += patients[d];
		}
		double correct = 100.0 * (mtd.isPresent() ? selected[mtd.getAsInt() - 1] : none) / trials;
		return new OperatingCharacteristics(scenario, design.label(), trials, selection, 100.0 * none / trials, correct,
				perDose, 100.0 * atMtd / total, 100.0 * above / total, (double) total / trials, 100.0 * dlts / total);
	}

	/** One simulated trial: patients and DLTs per dose, and the MTD selected. */
	record SimulatedTrial(int[] treated, int[] toxicities, OptionalInt mtd) {

		List<DoseLevelOutcome> outcomes() {
			List<DoseLevelOutcome> list = new ArrayList<>();
			for (int d = 0; d < treated.length; d++) {
				list.add(new DoseLevelOutcome(treated[d], toxicities[d]));
			}
			return list;
		}

	}

	SimulatedTrial boin(SimulationScenario scenario, SplittableRandom random) {
		BoinDesign design = BoinDesign.of(scenario.target());
		int k = scenario.trueToxicity().size();
		SimulatedTrial trial = new SimulatedTrial(new int[k], new int[k], OptionalInt.empty());
		int dose = 1;
		for (int c = 0; c < maxCohorts; c++) {
			treat(trial, dose, cohortSize, scenario, random);
			DoseEscalationDecision decision = design.decide(trial.outcomes(), dose);
			if (decision.action() == DoseEscalationAction.STOP) {
				return trial;
			}
			dose = decision.nextDose().getAsInt();
		}
		return new SimulatedTrial(trial.treated(), trial.toxicities(),
				design.selectMtd(trial.outcomes()).maximumToleratedDose());
	}

	SimulatedTrial threePlusThree(SimulationScenario scenario, SplittableRandom random) {
		ThreePlusThreeDesign design = ThreePlusThreeDesign.withDefaults();
		int k = scenario.trueToxicity().size();
		SimulatedTrial trial = new SimulatedTrial(new int[k], new int[k], OptionalInt.empty());
		int dose = 1;
		// a 3+3 trial treats at most 6 patients per dose: 2k cohorts bound it
		for (int c = 0; c <= 2 * k; c++) {
			treat(trial, dose, 3, scenario, random);
			DoseEscalationDecision decision = design.decide(trial.outcomes(), dose);
			if (decision.action() == DoseEscalationAction.STOP) {
				return new SimulatedTrial(trial.treated(), trial.toxicities(), decision.maximumToleratedDose());
			}
			dose = decision.nextDose().getAsInt();
		}
		throw new IllegalStateException("3+3 did not stop within " + (2 * k + 1) + " cohorts");
	}

	private static void treat(SimulatedTrial trial, int dose, int patients, SimulationScenario scenario,
			SplittableRandom random) {
		double p = scenario.trueToxicity().get(dose - 1);
		for (int i = 0; i < patients; i++) {
			trial.treated()[dose - 1]++;
			if (random.nextDouble() < p) {
				trial.toxicities()[dose - 1]++;
			}
		}
	}

}
