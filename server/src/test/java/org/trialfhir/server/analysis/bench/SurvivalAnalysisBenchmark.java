package org.trialfhir.server.analysis.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.trialfhir.server.analysis.survival.CoxData;
import org.trialfhir.server.analysis.survival.CoxProportionalHazards;
import org.trialfhir.server.analysis.survival.KaplanMeier;
import org.trialfhir.server.analysis.survival.LogRankTest;
import org.trialfhir.server.analysis.survival.SurvivalObservation;

/**
 * Kaplan–Meier + log-rank + Cox (Efron) for two simulated arms (exponential event times,
 * hazard ratio 0.75, uniform censoring, times rounded to days so that ties occur). Run
 * from the repository root with
 * {@code ./mvnw -B -pl server -Pbenchmark test-compile exec:exec} (see server/pom.xml,
 * profile "benchmark").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SurvivalAnalysisBenchmark {

	@Param({ "1000", "10000", "100000" })
	int subjects;

	private List<SurvivalObservation> observations;

	@Setup
	public void simulate() {
		SplittableRandom random = new SplittableRandom(2024);
		observations = new ArrayList<>(subjects);
		for (int i = 0; i < subjects; i++) {
			boolean treated = i % 2 == 1;
			double hazard = (treated ? 0.75 : 1.0) / 365.0;
			double eventTime = -Math.log(1 - random.nextDouble()) / hazard;
			double censorTime = random.nextDouble() * 3 * 365;
			double t = Math.ceil(Math.min(eventTime, censorTime));
			observations.add(SurvivalObservation.of(t, eventTime <= censorTime, treated ? "treated" : "control"));
		}
	}

	@Benchmark
	public void kaplanMeierLogRankCox(Blackhole blackhole) {
		blackhole.consume(KaplanMeier.withDefaults().estimate(observations));
		blackhole.consume(LogRankTest.withDefaults().test(observations));
		blackhole.consume(CoxProportionalHazards.withDefaults().fit(CoxData.treatmentEffect(observations, "treated")));
	}

}
