package org.trialfhir.server.simulation;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.trialfhir.server.analysis.doseescalation.DoseFindingSimulator;
import org.trialfhir.server.analysis.doseescalation.DoseFindingSimulator.Design;
import org.trialfhir.server.analysis.doseescalation.OperatingCharacteristics;
import org.trialfhir.server.analysis.doseescalation.SimulationScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulate-designs}: operating characteristics of 3+3 and BOIN over true-toxicity
 * scenarios, printed as a Markdown table (one row per scenario and design).
 */
@Command(name = "simulate-designs", mixinStandardHelpOptions = true,
		description = "Operating characteristics of the 3+3 and BOIN dose-finding designs by simulation.")
public final class DesignSimulatorCommand implements Callable<Integer> {

	/**
	 * The default scenarios (our own, not a published set): six dose levels, target 0.30,
	 * the true MTD (DLT probability exactly 0.30) at each level 1 to 6 with a steep curve
	 * around it, and one where no dose is acceptable.
	 */
	static final List<List<Double>> DEFAULT_SCENARIOS = List.of(List.of(0.30, 0.45, 0.55, 0.65, 0.75, 0.85),
			List.of(0.12, 0.30, 0.45, 0.55, 0.65, 0.75), List.of(0.05, 0.12, 0.30, 0.45, 0.55, 0.65),
			List.of(0.02, 0.05, 0.12, 0.30, 0.45, 0.55), List.of(0.01, 0.02, 0.05, 0.12, 0.30, 0.45),
			List.of(0.01, 0.02, 0.03, 0.05, 0.12, 0.30), List.of(0.45, 0.55, 0.65, 0.75, 0.85, 0.95));

	@Spec
	private CommandSpec spec;

	@Option(names = "--trials", defaultValue = "10000",
			description = "Simulated trials per scenario and design (default ${DEFAULT-VALUE}).")
	private int trials;

	@Option(names = "--seed", defaultValue = "20150101", description = "Random seed (default ${DEFAULT-VALUE}).")
	private long seed;

	@Option(names = "--target", defaultValue = "0.30", description = "Target DLT rate (default ${DEFAULT-VALUE}).")
	private double target;

	@Option(names = "--cohort-size", defaultValue = "3", description = "BOIN cohort size (default ${DEFAULT-VALUE}).")
	private int cohortSize;

	@Option(names = "--cohorts", defaultValue = "12",
			description = "BOIN number of cohorts; maximum sample size = cohorts x cohort size (default ${DEFAULT-VALUE}).")
	private int cohorts;

	@Option(names = "--scenario", split = ";", paramLabel = "P1,P2,...",
			description = "True DLT probabilities per dose level, comma-separated; repeat or separate scenarios with ';'"
					+ " (default: seven built-in six-dose scenarios).")
	private List<String> scenarios = new ArrayList<>();

	/**
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		System.exit(new CommandLine(new DesignSimulatorCommand()).execute(args));
	}

	@Override
	public Integer call() {
		List<SimulationScenario> list = scenarios();
		PrintWriter out = spec.commandLine().getOut();
		DoseFindingSimulator simulator = DoseFindingSimulator.of(cohortSize, cohorts);
		out.printf(Locale.ROOT, "%d trials per scenario and design, seed %d, target %.2f; BOIN: %d cohorts of %d%n%n",
				trials, seed, target, cohorts, cohortSize);
		out.println("| scenario | true DLT probabilities | design | selection % per dose (none) | % correct MTD"
				+ " | % patients at MTD | % overdosed | mean N | % DLT |");
		out.println("|---|---|---|---|---|---|---|---|---|");
		for (SimulationScenario scenario : list) {
			for (Design design : Design.values()) {
				out.println(row(simulator.simulate(design, scenario, trials, seed)));
			}
		}
		out.flush();
		return 0;
	}

	/**
	 * The scenarios to simulate: the {@code --scenario} values in order, or the defaults.
	 * @return the scenarios, named 1, 2, ...
	 * @throws ParameterException if a scenario is not a comma-separated list of
	 * probabilities in [0, 1] or the target is not in (0, 1)
	 */
	List<SimulationScenario> scenarios() {
		List<List<Double>> rates = scenarios.isEmpty() ? DEFAULT_SCENARIOS
				: scenarios.stream().map(this::parseScenario).toList();
		List<SimulationScenario> list = new ArrayList<>();
		for (int i = 0; i < rates.size(); i++) {
			try {
				list.add(new SimulationScenario(String.valueOf(i + 1), rates.get(i), target));
			}
			catch (IllegalArgumentException ex) {
				throw new ParameterException(spec.commandLine(), "scenario " + (i + 1) + ": " + ex.getMessage(), ex);
			}
		}
		return list;
	}

	private List<Double> parseScenario(String text) {
		try {
			return Arrays.stream(text.split(",")).map(String::trim).map(Double::valueOf).toList();
		}
		catch (NumberFormatException ex) {
			throw new ParameterException(spec.commandLine(),
					"--scenario must be comma-separated probabilities, was '" + text + "'", ex);
		}
	}

	static String row(OperatingCharacteristics oc) {
		String rates = oc.scenario()
			.trueToxicity()
			.stream()
			.map(p -> String.format(Locale.ROOT, "%.2f", p))
			.collect(Collectors.joining(" "));
		String selection = oc.selectionPercent()
			.stream()
			.map(p -> String.format(Locale.ROOT, "%.1f", p))
			.collect(Collectors.joining(" "));
		return String.format(Locale.ROOT, "| %s | %s | %s | %s (%.1f) | %.1f | %.1f | %.1f | %.1f | %.1f |",
				oc.scenario().name(), rates, oc.design(), selection, oc.noSelectionPercent(),
				oc.correctSelectionPercent(), oc.patientsAtMtdPercent(), oc.overdosedPercent(), oc.meanSampleSize(),
				oc.dltPercent());
	}

}
