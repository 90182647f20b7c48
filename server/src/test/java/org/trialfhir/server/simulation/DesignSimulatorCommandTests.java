package org.trialfhir.server.simulation;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trialfhir.server.analysis.doseescalation.SimulationScenario;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class DesignSimulatorCommandTests {

	@Test
	void repeatedAndSemicolonSeparatedScenariosAreParsedInOrderWithTheTarget() {
		DesignSimulatorCommand command = new DesignSimulatorCommand();
		new CommandLine(command).parseArgs("--target", "0.28", "--scenario", "0.05, 0.10,0.20,0.30,0.50,0.70",
				"--scenario", "0.10,0.25;0.40,0.50");

		List<SimulationScenario> scenarios = command.scenarios();

		assertThat(scenarios).extracting(SimulationScenario::name).containsExactly("1", "2", "3");
		assertThat(scenarios).extracting(SimulationScenario::trueToxicity)
			.containsExactly(List.of(0.05, 0.10, 0.20, 0.30, 0.50, 0.70), List.of(0.10, 0.25), List.of(0.40, 0.50));
		assertThat(scenarios).extracting(SimulationScenario::target).containsOnly(0.28);
		// target 0.28: closest dose 4 (0.30) in the first, dose 2 in the second; none
		// acceptable in the third (0.40 >= 0.28 + 0.1)
		assertThat(scenarios.get(0).trueMtd()).hasValue(4);
		assertThat(scenarios.get(1).trueMtd()).hasValue(2);
		assertThat(scenarios.get(2).trueMtd()).isEmpty();
	}

	@Test
	void withoutScenarioTheSevenDefaultsAreUsed() {
		DesignSimulatorCommand command = new DesignSimulatorCommand();
		new CommandLine(command).parseArgs();

		assertThat(command.scenarios()).extracting(SimulationScenario::trueToxicity)
			.containsExactlyElementsOf(DesignSimulatorCommand.DEFAULT_SCENARIOS);
		assertThat(command.scenarios()).extracting(SimulationScenario::target).containsOnly(0.30);
	}

	@Test
	void runPrintsOneRowPerScenarioAndDesignWithTheSettings() {
		StringWriter out = new StringWriter();
		CommandLine cli = new CommandLine(new DesignSimulatorCommand());
		cli.setOut(new PrintWriter(out));

		int exit = cli.execute("--trials", "200", "--seed", "5", "--cohorts", "10", "--cohort-size", "3", "--scenario",
				"0.05,0.15,0.30,0.45,0.60", "--scenario", "0.30,0.45");

		assertThat(exit).isZero();
		String text = out.toString();
		assertThat(text).startsWith("200 trials per scenario and design, seed 5, target 0.30; BOIN: 10 cohorts of 3");
		assertThat(text.lines().filter(l -> l.startsWith("| 1 | 0.05 0.15 0.30 0.45 0.60 |"))).hasSize(2);
		assertThat(text.lines().filter(l -> l.startsWith("| 2 | 0.30 0.45 |"))).hasSize(2);
		assertThat(text).contains("| 3+3 |", "| BOIN |");
	}

	@Test
	void malformedOrOutOfRangeScenariosAreUsageErrors() {
		for (String bad : List.of("0.1,abc", "0.1,1.5", "0.2;0.3,-0.1")) {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			CommandLine cli = new CommandLine(new DesignSimulatorCommand());
			cli.setOut(new PrintWriter(out));
			cli.setErr(new PrintWriter(err));

			int exit = cli.execute("--trials", "10", "--scenario", bad);

			assertThat(exit).as(bad).isEqualTo(2);
			assertThat(err.toString()).as(bad).contains("scenario");
			assertThat(out.toString()).as(bad).isEmpty();
		}
	}

}
