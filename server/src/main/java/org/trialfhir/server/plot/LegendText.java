package org.trialfhir.server.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.OptionalDouble;

import org.trialfhir.server.analysis.ConfidenceInterval;
import org.trialfhir.server.analysis.survival.KaplanMeierCurve;
import org.trialfhir.server.analysis.survival.MedianSurvival;

/**
 * The words and numbers of a Kaplan–Meier plot, formatted as journals print them:
 * p-values with three decimals below 0.1, two above, and {@code p < 0.001} /
 * {@code p > 0.99} at the ends; hazard ratios with two decimals; times as whole numbers
 * when they are whole; "NR" for a median or limit not reached. Formatting uses
 * {@link Locale#ROOT} so the output does not depend on the machine.
 */
final class LegendText {

	/** An en dash between interval bounds. */
	private static final String DASH = "\u2013";

	private LegendText() {
	}

	/**
	 * @param p a p-value in [0, 1]
	 * @return e.g. {@code "p < 0.001"}, {@code "p = 0.004"}, {@code "p = 0.32"}
	 */
	static String pValue(double p) {
		if (p < 0.001) {
			return "p < 0.001";
		}
		if (p > 0.99) {
			return "p > 0.99";
		}
		return "p = " + decimals(p, p < 0.1 ? 3 : 2);
	}

	/**
	 * @param comparison hazard ratio and log-rank p
	 * @return e.g.
	 * {@code "RAK vs control: HR 0.62 (95% CI 0.41–0.93); log-rank p = 0.021"}
	 */
	static String comparison(TreatmentComparison comparison) {
		ConfidenceInterval ci = comparison.hazardRatioInterval();
		StringBuilder text = new StringBuilder();
		if (!comparison.description().isBlank()) {
			text.append(comparison.description()).append(": ");
		}
		text.append("HR ").append(decimals(comparison.hazardRatio(), 2));
		if (ci.isDefined()) {
			text.append(" (")
				.append(level(ci.level()))
				.append(" CI ")
				.append(ratio(ci.lower()))
				.append(DASH)
				.append(ratio(ci.upper()))
				.append(')');
		}
		return text.append("; log-rank ").append(pValue(comparison.logRankPValue())).toString();
	}

	/**
	 * @param label arm label as shown
	 * @param curve the arm's curve
	 * @param unit time unit
	 * @return e.g. {@code "RAK: n = 45, 30 events, median 212 days (95% CI 180–260)"}
	 */
	static String arm(String label, KaplanMeierCurve curve, ChronoUnit unit) {
		MedianSurvival median = curve.median();
		String text = label + ": n = " + curve.subjects() + ", " + curve.events()
				+ (curve.events() == 1 ? " event" : " events") + ", median ";
		if (median.median().isEmpty()) {
			return text + "not reached";
		}
		return text + time(median.median().getAsDouble()) + " " + unitName(unit) + " (" + level(median.level()) + " CI "
				+ limit(median.lower()) + DASH + limit(median.upper()) + ")";
	}

	/**
	 * @param unit time unit
	 * @return its plural name in lower case, e.g. {@code "days"}
	 */
	static String unitName(ChronoUnit unit) {
		return unit.toString().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param time a time
	 * @return whole times without decimals, others with one
	 */
	static String time(double time) {
		if (time == Math.rint(time) && Math.abs(time) < 1e15) {
			return Long.toString((long) time);
		}
		return decimals(time, 1);
	}

	/**
	 * @param survival a survival probability
	 * @return it as a whole percentage, e.g. {@code "80%"}
	 */
	static String percent(double survival) {
		return Math.round(survival * 100) + "%";
	}

	private static String limit(OptionalDouble value) {
		return value.isPresent() ? time(value.getAsDouble()) : "NR";
	}

	private static String ratio(double value) {
		return Double.isInfinite(value) ? "\u221e" : decimals(value, 2);
	}

	private static String level(double level) {
		return new BigDecimal(Double.toString(level * 100)).setScale(1, RoundingMode.HALF_EVEN)
			.stripTrailingZeros()
			.toPlainString() + "%";
	}

	private static String decimals(double value, int places) {
		return new BigDecimal(Double.toString(value)).setScale(places, RoundingMode.HALF_UP).toPlainString();
	}

}
