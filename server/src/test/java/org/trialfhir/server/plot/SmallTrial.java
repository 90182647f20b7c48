package org.trialfhir.server.plot;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.trialfhir.server.analysis.ConfidenceInterval;
import org.trialfhir.server.analysis.survival.KaplanMeier;
import org.trialfhir.server.analysis.survival.KaplanMeierCurve;
import org.trialfhir.server.analysis.survival.SurvivalObservation;

/**
 * A hand-made two-arm data set small enough to work out the Kaplan–Meier curves on paper.
 *
 * <pre>
 * arm A: 10 event, 20 censored, 30 event, 40 event, 50 censored
 *   S(10) = 4/5, S(30) = 4/5 * 2/3 = 8/15, S(40) = 8/15 * 1/2 = 4/15; ends at 50
 * arm B: 15 event, 25 censored (2), 35 event, 70 event, 110 censored, 130 censored
 *   S(15) = 6/7, S(35) = 6/7 * 3/4 = 9/14, S(70) = 9/14 * 2/3 = 3/7; cut at the horizon 120
 * </pre>
 */
final class SmallTrial {

	static final double HORIZON = 120;

	static final String ARM_A = "A";

	static final String ARM_B = "B";

	static final List<SurvivalObservation> OBSERVATIONS = List.of(SurvivalObservation.of(10, true, ARM_A),
			SurvivalObservation.of(20, false, ARM_A), SurvivalObservation.of(30, true, ARM_A),
			SurvivalObservation.of(40, true, ARM_A), SurvivalObservation.of(50, false, ARM_A),
			SurvivalObservation.of(15, true, ARM_B), SurvivalObservation.of(25, false, ARM_B),
			SurvivalObservation.of(25, false, ARM_B), SurvivalObservation.of(35, true, ARM_B),
			SurvivalObservation.of(70, true, ARM_B), SurvivalObservation.of(110, false, ARM_B),
			SurvivalObservation.of(130, false, ARM_B));

	/** Time and survival at each corner of arm A's step curve, worked out by hand. */
	static final double[][] ARM_A_CORNERS = { { 0, 1 }, { 10, 1 }, { 10, 4.0 / 5 }, { 30, 4.0 / 5 }, { 30, 8.0 / 15 },
			{ 40, 8.0 / 15 }, { 40, 4.0 / 15 }, { 50, 4.0 / 15 } };

	/** Time and survival at each corner of arm B's step curve, worked out by hand. */
	static final double[][] ARM_B_CORNERS = { { 0, 1 }, { 15, 1 }, { 15, 6.0 / 7 }, { 35, 6.0 / 7 }, { 35, 9.0 / 14 },
			{ 70, 9.0 / 14 }, { 70, 3.0 / 7 }, { 120, 3.0 / 7 } };

	private SmallTrial() {
	}

	static List<KaplanMeierCurve> curves() {
		return KaplanMeier.withDefaults().estimate(OBSERVATIONS);
	}

	static KaplanMeierPlot plot(String labelA, String labelB) {
		List<KaplanMeierCurve> curves = curves();
		return KaplanMeierPlot.of("Overall survival", "Overall survival", ChronoUnit.DAYS,
				List.of(new PlotArm(labelA, curves.get(0)), new PlotArm(labelB, curves.get(1))), HORIZON);
	}

	static KaplanMeierPlot plot() {
		return plot(ARM_A, ARM_B);
	}

	static TreatmentComparison comparison() {
		return new TreatmentComparison("B vs A", 0.62, ConfidenceInterval.of(0.41, 0.93, 0.95), 0.0004);
	}

}
