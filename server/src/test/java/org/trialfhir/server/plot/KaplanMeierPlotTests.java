package org.trialfhir.server.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trialfhir.server.analysis.ConfidenceInterval;

class KaplanMeierPlotTests {

	@Test
	void pValuesAreFormattedAsJournalsPrintThem() {
		assertThat(LegendText.pValue(0.0)).isEqualTo("p < 0.001");
		assertThat(LegendText.pValue(0.000999)).isEqualTo("p < 0.001");
		assertThat(LegendText.pValue(0.001)).isEqualTo("p = 0.001");
		assertThat(LegendText.pValue(0.0042)).isEqualTo("p = 0.004");
		assertThat(LegendText.pValue(0.0496)).isEqualTo("p = 0.050");
		assertThat(LegendText.pValue(0.321)).isEqualTo("p = 0.32");
		assertThat(LegendText.pValue(0.995)).isEqualTo("p > 0.99");
	}

	@Test
	void hazardRatioWithItsInterval() {
		assertThat(
				LegendText.comparison(new TreatmentComparison("", 1.234, ConfidenceInterval.of(0.5, 3.046, 0.9), 0.5)))
			.isEqualTo("HR 1.23 (90% CI 0.50\u20133.05); log-rank p = 0.50");
		assertThat(LegendText.comparison(new TreatmentComparison("RAK vs control", 0.2,
				ConfidenceInterval.of(0.05, Double.POSITIVE_INFINITY, 0.95), 0.02)))
			.isEqualTo("RAK vs control: HR 0.20 (95% CI 0.05\u2013\u221e); log-rank p = 0.020");
	}

	@Test
	void timesAreWholeWhenWhole() {
		assertThat(LegendText.time(365)).isEqualTo("365");
		assertThat(LegendText.time(182.5)).isEqualTo("182.5");
		assertThat(LegendText.percent(0.6)).isEqualTo("60%");
	}

	@Test
	void timeTicksAreRoundStepsOfTheUnit() {
		assertThat(TimeTicks.forHorizon(365, ChronoUnit.DAYS).ticks()).containsExactly(0.0, 60.0, 120.0, 180.0, 240.0,
				300.0, 360.0);
		assertThat(TimeTicks.forHorizon(120, ChronoUnit.DAYS).step()).isEqualTo(30);
		assertThat(TimeTicks.forHorizon(730, ChronoUnit.DAYS).step()).isEqualTo(120);
		assertThat(TimeTicks.forHorizon(10, ChronoUnit.DAYS).step()).isEqualTo(2);
		assertThat(TimeTicks.forHorizon(12, ChronoUnit.MONTHS).step()).isEqualTo(2);
		assertThat(TimeTicks.forHorizon(5, ChronoUnit.YEARS).ticks()).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0);
		assertThat(TimeTicks.forHorizon(0.3, ChronoUnit.YEARS).step()).isEqualTo(0.05,
				org.assertj.core.api.Assertions.within(1e-15));
		for (double horizon : new double[] { 1, 7, 29, 100, 365, 1000, 5000, 1e6 }) {
			TimeTicks ticks = TimeTicks.forHorizon(horizon, ChronoUnit.DAYS);
			assertThat(ticks.ticks().size() - 1).as("intervals for %s", horizon).isBetween(2, TimeTicks.MAX_INTERVALS);
			assertThat(ticks.ticks().get(ticks.ticks().size() - 1)).isLessThanOrEqualTo(horizon);
		}
	}

	@Test
	void badPlotsAreRejected() {
		List<PlotArm> arms = List.of(PlotArm.of(SmallTrial.curves().get(0)));
		assertThatThrownBy(() -> KaplanMeierPlot.of("t", "OS", ChronoUnit.DAYS, arms, 0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("horizon");
		assertThatThrownBy(() -> KaplanMeierPlot.of("t", "OS", ChronoUnit.DAYS, arms, Double.NaN))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> KaplanMeierPlot.of("t", "OS", ChronoUnit.DAYS, List.of(), 365))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("arms");
		assertThatThrownBy(() -> KaplanMeierPlot.of("t", "OS", ChronoUnit.DAYS,
				Collections.nCopies(KaplanMeierPlot.MAX_ARMS + 1, arms.get(0)), 365))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new PlotArm(" ", SmallTrial.curves().get(0)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TreatmentComparison("", 0, ConfidenceInterval.of(0.1, 1, 0.95), 0.5))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
