package org.trialfhir.server.analysis.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialfhir.server.analysis.ReferenceTable.assertEstimate;
import static org.trialfhir.server.analysis.ReferenceTable.number;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.server.analysis.ConfidenceInterval;
import org.trialfhir.server.analysis.ReferenceTable;

class KaplanMeierTests {

	private static final ReferenceTable CURVES = ReferenceTable.load("expected/km_curves.csv");

	private static final ReferenceTable MEDIANS = ReferenceTable.load("expected/km_medians.csv");

	private static final ReferenceTable LANDMARKS = ReferenceTable.load("expected/km_landmarks.csv");

	private static final ReferenceTable RMST = ReferenceTable.load("expected/km_rmst.csv");

	static List<String> dataSets() {
		return SurvivalDataSets.NAMES;
	}

	private static ConfidenceType type(String r) {
		return switch (r) {
			case "plain" -> ConfidenceType.PLAIN;
			case "log" -> ConfidenceType.LOG;
			case "log-log" -> ConfidenceType.LOG_LOG;
			default -> throw new IllegalArgumentException(r);
		};
	}

	private static KaplanMeierCurve curve(String dataSet, String group, ConfidenceType type) {
		return KaplanMeier.withDefaults()
			.with(type)
			.estimate(SurvivalDataSets.observations(dataSet))
			.stream()
			.filter(c -> c.group().equals(group))
			.findFirst()
			.orElseThrow();
	}

	@ParameterizedTest
	@MethodSource("dataSets")
	void stepsMatchSurvfit(String dataSet) {
		List<Map<String, String>> expected = CURVES.rows(r -> r.get("dataset").equals(dataSet));
		for (ConfidenceType type : ConfidenceType.values()) {
			List<KaplanMeierCurve> curves = KaplanMeier.withDefaults()
				.with(type)
				.estimate(SurvivalDataSets.observations(dataSet));
			int checked = 0;
			for (KaplanMeierCurve curve : curves) {
				List<Map<String, String>> rows = expected.stream()
					.filter(r -> r.get("group").equals(curve.group()))
					.toList();
				assertThat(curve.steps()).hasSize(rows.size());
				for (int i = 0; i < rows.size(); i++) {
					Map<String, String> r = rows.get(i);
					KaplanMeierStep s = curve.steps().get(i);
					String at = dataSet + "/" + curve.group() + "/" + type + " t=" + r.get("time");
					assertEstimate(number(r, "time"), s.time(), at + " time");
					assertThat(s.atRisk()).as(at + " n.risk").isEqualTo((int) number(r, "n_risk"));
					assertThat(s.events()).as(at + " n.event").isEqualTo((int) number(r, "n_event"));
					assertThat(s.censored()).as(at + " n.censor").isEqualTo((int) number(r, "n_censor"));
					assertEstimate(number(r, "surv"), s.survival(), at + " surv");
					assertEstimate(number(r, "std_err_log_surv"), s.logSurvivalStandardError(), at + " std.err");
					assertEstimate(number(r, "std_err_surv"), s.standardError(), at + " summary std.err");
					String prefix = switch (type) {
						case PLAIN -> "plain";
						case LOG -> "log";
						case LOG_LOG -> "loglog";
					};
					assertEstimate(number(r, prefix + "_lower"), s.interval().lower(), at + " lower");
					assertEstimate(number(r, prefix + "_upper"), s.interval().upper(), at + " upper");
					checked++;
				}
			}
			assertThat(checked).isEqualTo(expected.size());
		}
	}

	@Test
	void mediansMatchSummaryTable() {
		for (Map<String, String> r : MEDIANS.rows()) {
			KaplanMeierCurve curve = curve(r.get("dataset"), r.get("group"), type(r.get("conf_type")));
			String at = r.get("dataset") + "/" + r.get("group") + "/" + r.get("conf_type");
			assertThat(curve.subjects()).as(at + " records").isEqualTo((int) number(r, "n"));
			assertThat(curve.events()).as(at + " events").isEqualTo((int) number(r, "events"));
			MedianSurvival median = curve.median();
			assertOptional(number(r, "median"), median.median(), at + " median");
			assertOptional(number(r, "median_lower"), median.lower(), at + " LCL");
			assertOptional(number(r, "median_upper"), median.upper(), at + " UCL");
		}
	}

	@Test
	void medianOnExactlyHalfIsMidpointOfFlatSegment() {
		// arm A of the ties data: S = 0.5 from t = 3 until the next drop at t = 5
		MedianSurvival median = curve("ties", "A", ConfidenceType.LOG).median();
		assertThat(median.median()).hasValue(4.0);
	}

	private static void assertOptional(double expected, OptionalDouble actual, String what) {
		if (Double.isNaN(expected)) {
			assertThat(actual).as(what + " (R: NA, not reached)").isEmpty();
		}
		else {
			assertThat(actual).as(what).isPresent();
			assertEstimate(expected, actual.getAsDouble(), what);
		}
	}

	@Test
	void landmarksMatchSummaryTimes() {
		for (Map<String, String> r : LANDMARKS.rows()) {
			KaplanMeierCurve curve = curve(r.get("dataset"), r.get("group"), type(r.get("conf_type")));
			String at = r.get("dataset") + "/" + r.get("group") + "/" + r.get("conf_type") + " t=" + r.get("time");
			LandmarkSurvival l = curve.survivalAt(number(r, "time"));
			assertThat(l.atRisk()).as(at + " n.risk").isEqualTo((int) number(r, "n_risk"));
			assertEstimate(number(r, "surv"), l.survival(), at + " surv");
			assertEstimate(number(r, "std_err"), l.standardError(), at + " std.err");
			assertEstimate(number(r, "lower"), l.interval().lower(), at + " lower");
			assertEstimate(number(r, "upper"), l.interval().upper(), at + " upper");
		}
	}

	@Test
	void restrictedMeansMatchPrintRmean() {
		for (Map<String, String> r : RMST.rows()) {
			KaplanMeierCurve curve = curve(r.get("dataset"), r.get("group"), ConfidenceType.LOG);
			String at = r.get("dataset") + "/" + r.get("group");
			RestrictedMeanSurvival rm = curve.restrictedMean(number(r, "tau"));
			assertEstimate(number(r, "rmean"), rm.mean(), at + " rmean");
			assertEstimate(number(r, "se_rmean"), rm.standardError(), at + " se(rmean)");
		}
	}

	@Test
	void undefinedIntervalsAreExplicit() {
		KaplanMeierStep last = curve("single", "A", ConfidenceType.LOG).steps().get(0);
		assertThat(last.survival()).isZero();
		assertThat(last.logSurvivalStandardError()).isInfinite();
		assertThat(last.interval().isDefined()).isFalse();
		assertThat(ConfidenceInterval.undefined(0.95).contains(0.5)).isFalse();
	}

	@Test
	void rejectsDegenerateInput() {
		assertThatThrownBy(() -> SurvivalObservation.of(-1, true, "A")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(">= 0");
		assertThatThrownBy(() -> SurvivalObservation.of(Double.NaN, true, "A"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("NaN");
		assertThatThrownBy(() -> SurvivalObservation.of(Double.POSITIVE_INFINITY, false, "A"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("finite");
		assertThatThrownBy(() -> SurvivalObservation.of(1, true, " ")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("group");
		assertThatThrownBy(() -> SurvivalObservation.fromDates(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 28),
				true, "A", "s"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("before the time origin");
		assertThat(SurvivalObservation.fromDates(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), true, "A", "s")
			.time()).isEqualTo(29);
		assertThatThrownBy(() -> KaplanMeier.withDefaults().estimate(List.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no observations");
		assertThatThrownBy(() -> KaplanMeier.withDefaults().withConfidenceLevel(1.0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("confidence level");
		KaplanMeierCurve curve = curve("ties", "A", ConfidenceType.LOG);
		assertThatThrownBy(() -> curve.survivalAt(100)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("after the last follow-up");
		assertThatThrownBy(() -> curve.survivalAt(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> curve.restrictedMean(0.5)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("before the first time");
	}

}
