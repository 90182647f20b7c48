package org.trialfhir.server.analysis.doseescalation;

import java.util.List;

/**
 * Operating characteristics of a design under one scenario, over simulated trials.
 *
 * @param scenario the scenario
 * @param design design label, e.g. {@code 3+3} or {@code BOIN}
 * @param trials number of simulated trials
 * @param selectionPercent per dose level, % of trials selecting it as MTD
 * @param noSelectionPercent % of trials ending without an MTD
 * @param correctSelectionPercent % of trials selecting the true MTD (or, when no dose is
 * acceptable, selecting none)
 * @param patientsPerDose mean number of patients treated at each dose level
 * @param patientsAtMtdPercent % of all patients treated at the true MTD
 * @param overdosedPercent % of all patients treated above the true MTD (all of them when
 * no dose is acceptable)
 * @param meanSampleSize mean number of patients per trial
 * @param dltPercent % of all patients who had a DLT
 */
public record OperatingCharacteristics(SimulationScenario scenario, String design, int trials,
		List<Double> selectionPercent, double noSelectionPercent, double correctSelectionPercent,
		List<Double> patientsPerDose, double patientsAtMtdPercent, double overdosedPercent, double meanSampleSize,
		double dltPercent) {

	/** Copies the lists. */
	public OperatingCharacteristics {
		selectionPercent = List.copyOf(selectionPercent);
		patientsPerDose = List.copyOf(patientsPerDose);
	}

}
