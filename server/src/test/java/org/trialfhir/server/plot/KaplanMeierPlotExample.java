package org.trialfhir.server.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.trialfhir.server.analysis.survival.CoxData;
import org.trialfhir.server.analysis.survival.CoxProportionalHazards;
import org.trialfhir.server.analysis.survival.KaplanMeier;
import org.trialfhir.server.analysis.survival.KaplanMeierCurve;
import org.trialfhir.server.analysis.survival.LogRankTest;
import org.trialfhir.server.analysis.survival.SurvivalObservation;

/**
 * Writes an example overall-survival plot of a simulated 90-subject RAK vs control trial
 * (exponential survival, control median 180 days, hazard ratio 0.65, staggered entry) as
 * {@code km-example.svg} and {@code km-example.png} into the folder given as the first
 * argument (default: the temporary folder), to look at the figures by eye. A second
 * argument simulates that many subjects instead and prints how long estimating and
 * drawing take (median of five warm runs after five warm-up runs).
 */
final class KaplanMeierPlotExample {

	private KaplanMeierPlotExample() {
	}

	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
		int subjects = args.length > 1 ? Integer.parseInt(args[1]) : 90;
		List<SurvivalObservation> observations = simulatedTrial(new Random(20261127L), subjects);
		List<KaplanMeierCurve> curves = KaplanMeier.withDefaults().estimate(observations);
		TreatmentComparison comparison = TreatmentComparison.of("RAK vs control",
				CoxProportionalHazards.withDefaults()
					.fit(CoxData.treatmentEffect(observations, "RAK cells + TAS-102"))
					.coefficients()
					.get(0),
				LogRankTest.withDefaults().test(observations));
		List<PlotArm> arms = curves.stream().map(PlotArm::of).toList();
		KaplanMeierPlot plot = KaplanMeierPlot
			.of("Overall survival \u2013 RAK cells vs control (simulated)", "Overall survival", ChronoUnit.DAYS, arms,
					365)
			.withConfidenceBands(true)
			.withComparison(comparison);
		Path svg = Files.write(folder.resolve("km-example.svg"), KaplanMeierSvg.withDefaults().renderBytes(plot));
		Path png = Files.write(folder.resolve("km-example.png"), KaplanMeierPng.withDefaults().render(plot));
		System.out.println(svg.toAbsolutePath());
		System.out.println(png.toAbsolutePath());
		if (args.length > 1) {
			System.out.printf("subjects %d: Kaplan-Meier %.1f ms, SVG %.1f ms (%d bytes), PNG %.1f ms (%d bytes)%n",
					subjects, millis(() -> KaplanMeier.withDefaults().estimate(observations)),
					millis(() -> KaplanMeierSvg.withDefaults().render(plot)), Files.size(svg),
					millis(() -> KaplanMeierPng.withDefaults().render(plot)), Files.size(png));
		}
	}

	private static double millis(Runnable task) {
		double[] times = new double[10];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			task.run();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		double[] warm = java.util.Arrays.copyOfRange(times, 5, 10);
		java.util.Arrays.sort(warm);
		return warm[2];
	}

	private static List<SurvivalObservation> simulatedTrial(Random random, int subjects) {
		List<SurvivalObservation> observations = new ArrayList<>(subjects);
		double controlHazard = Math.log(2) / 180;
		for (int i = 0; i < subjects; i++) {
			boolean rak = i % 2 == 0;
			double hazard = rak ? controlHazard * 0.65 : controlHazard;
			double death = -Math.log(1 - random.nextDouble()) / hazard;
			double followUp = 200 + random.nextDouble() * 400;
			double time = Math.ceil(Math.min(death, followUp));
			observations.add(
					SurvivalObservation.of(time, death <= followUp, rak ? "RAK cells + TAS-102" : "Control + TAS-102"));
		}
		return observations;
	}

}
