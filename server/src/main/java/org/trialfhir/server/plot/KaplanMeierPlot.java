package org.trialfhir.server.plot;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Kaplan–Meier plot shows: title, endpoint, time unit, one curve per arm, whether
 * pointwise confidence bands are shaded, the optional hazard-ratio / log-rank legend
 * line, and the horizon (the end of the time axis; curves, censoring ticks and the
 * numbers-at-risk table stop there).
 *
 * @param title plot title
 * @param endpointLabel endpoint name, used as the survival axis title (e.g.
 * {@code "Overall survival"})
 * @param timeUnit unit of the curves' times (days for the trial's endpoints)
 * @param arms one to {@value #MAX_ARMS} arms, drawn in this order
 * @param confidenceBands whether to shade the pointwise confidence intervals
 * @param comparison the hazard ratio and log-rank p-value for the legend, if any
 * @param horizon end of the time axis, finite and {@code > 0}
 */
public record KaplanMeierPlot(String title, String endpointLabel, ChronoUnit timeUnit, List<PlotArm> arms,
		boolean confidenceBands, Optional<TreatmentComparison> comparison, double horizon) {

	/** Most arms a plot distinguishes (the colour-blind-safe palette's size). */
	public static final int MAX_ARMS = ArmPalette.SIZE;

	/** Validates and copies the components. */
	public KaplanMeierPlot {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(endpointLabel, "endpoint label");
		Objects.requireNonNull(timeUnit, "time unit");
		Objects.requireNonNull(comparison, "comparison");
		arms = List.copyOf(arms);
		if (arms.isEmpty() || arms.size() > MAX_ARMS) {
			throw new IllegalArgumentException(
					"a Kaplan-Meier plot needs 1 to " + MAX_ARMS + " arms, got " + arms.size());
		}
		if (!(horizon > 0) || Double.isInfinite(horizon)) {
			throw new IllegalArgumentException("plot horizon must be finite and > 0, was " + horizon);
		}
	}

	/**
	 * A plot without confidence bands or comparison.
	 * @param title plot title
	 * @param endpointLabel endpoint name
	 * @param timeUnit time unit
	 * @param arms the arms
	 * @param horizon end of the time axis
	 * @return the plot
	 */
	public static KaplanMeierPlot of(String title, String endpointLabel, ChronoUnit timeUnit, List<PlotArm> arms,
			double horizon) {
		return new KaplanMeierPlot(title, endpointLabel, timeUnit, arms, false, Optional.empty(), horizon);
	}

	/**
	 * @param bands whether to shade the pointwise confidence intervals
	 * @return this plot with or without bands
	 */
	public KaplanMeierPlot withConfidenceBands(boolean bands) {
		return new KaplanMeierPlot(title, endpointLabel, timeUnit, arms, bands, comparison, horizon);
	}

	/**
	 * @param treatmentComparison hazard ratio and log-rank p-value for the legend
	 * @return this plot with that legend line
	 */
	public KaplanMeierPlot withComparison(TreatmentComparison treatmentComparison) {
		return new KaplanMeierPlot(title, endpointLabel, timeUnit, arms, confidenceBands,
				Optional.of(treatmentComparison), horizon);
	}

}
