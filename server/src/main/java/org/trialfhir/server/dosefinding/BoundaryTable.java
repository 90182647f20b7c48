package org.trialfhir.server.dosefinding;

import java.util.List;
import java.util.Locale;

import org.trialfhir.profiles.TrialCodes.DoseEscalationDesign;
import org.trialfhir.server.analysis.doseescalation.BoinBoundary;
import org.trialfhir.server.analysis.doseescalation.BoinDesign;

/**
 * The decision rules of a study's design as a plain-text table a clinician can print: for
 * BOIN the boundary table of BOIN's {@code get.boundary} (one row per number of patients
 * at the current dose, up to the maximum sample size, 30 if the study states none), for
 * 3+3 the rule table.
 */
public final class BoundaryTable {

	/** Rows printed for BOIN when the study states no planned enrollment. */
	static final int DEFAULT_MAXIMUM_PATIENTS = 30;

	private BoundaryTable() {
	}

	/**
	 * @param title the study's title
	 * @param protocol its protocol
	 * @return the table, lines separated by {@code \n}
	 */
	public static String render(String title, DoseEscalationProtocol protocol) {
		StringBuilder text = new StringBuilder(title).append('\n');
		if (protocol.design() == DoseEscalationDesign.BOIN) {
			boin(text, protocol);
		}
		else {
			threePlusThree(text);
		}
		text.append("\nDLT window: ").append(protocol.dltWindowDays()).append(" days after the first dose.\n");
		return text.toString();
	}

	private static void boin(StringBuilder text, DoseEscalationProtocol protocol) {
		double target = protocol.targetDltRate().getAsDouble();
		BoinDesign design = BoinDesign.of(target);
		int patients = protocol.maximumSampleSize().orElse(DEFAULT_MAXIMUM_PATIENTS);
		text.append(String.format(Locale.ROOT,
				"BOIN design (Liu & Yuan 2015), target DLT rate %.2f: escalate if the DLT rate at the current dose"
						+ " is <= %.3f, de-escalate if >= %.3f, otherwise stay;%neliminate the dose and all higher doses"
						+ " if P(DLT rate > %.2f | data) > 0.95 with at least 3 patients (Beta(1,1) prior).%n%n",
				target, design.lambdaEscalation(), design.lambdaDeescalation(), target));
		text.append("Patients at dose | Escalate if DLTs <= | De-escalate if DLTs >= | Eliminate if DLTs >=\n");
		List<BoinBoundary> rows = design.boundaries(patients);
		for (BoinBoundary row : rows) {
			text.append(String.format(Locale.ROOT, "%16d | %19d | %22d | %20s%n", row.treated(), row.escalateAtMost(),
					row.deescalateAtLeast(),
					row.eliminateAtLeast().isPresent() ? String.valueOf(row.eliminateAtLeast().getAsInt()) : "-"));
		}
	}

	private static void threePlusThree(StringBuilder text) {
		text.append("3+3 design (Storer 1989): cohorts of 3 patients at the current dose.\n\n");
		text.append("DLTs / patients at dose | Decision\n");
		text.append(
				"                    0/3 | Escalate (at the highest dose, or below an exceeded dose: add 3 patients)\n");
		text.append("                    1/3 | Stay: add 3 patients at this dose\n");
		text.append(
				"            2/3 or more | Dose exceeds the MTD: de-escalate (MTD = next lower dose if it has 6)\n");
		text.append("              0/6 - 1/6 | Escalate (at the highest dose, or below an exceeded dose: MTD)\n");
		text.append(
				"            2/6 or more | Dose exceeds the MTD: de-escalate (MTD = next lower dose if it has 6)\n");
		text.append("At the lowest dose, 2 or more DLTs stop the trial without an MTD.\n");
	}

}
