package org.trialfhir.server.plot;

import java.util.Objects;

import org.trialfhir.server.analysis.survival.KaplanMeierCurve;

/**
 * One arm of a Kaplan–Meier plot: the name shown in the legend and the numbers-at-risk
 * table, and the arm's curve.
 *
 * @param label arm name as the reader should see it (any characters; escaped on output)
 * @param curve the arm's Kaplan–Meier curve
 */
public record PlotArm(String label, KaplanMeierCurve curve) {

	/** Validates the components. */
	public PlotArm {
		Objects.requireNonNull(curve, "curve");
		if (label == null || label.isBlank()) {
			throw new IllegalArgumentException("arm label must not be null or blank");
		}
	}

	/**
	 * An arm labelled with its curve's group name.
	 * @param curve the curve
	 * @return the arm
	 */
	public static PlotArm of(KaplanMeierCurve curve) {
		return new PlotArm(curve.group(), curve);
	}

}
