package org.trialfhir.server.analysis.doseescalation;

import java.util.List;
import java.util.Objects;

/** Validation shared by the designs. */
final class DoseLevels {

	private DoseLevels() {
	}

	static List<DoseLevelOutcome> require(List<DoseLevelOutcome> doses) {
		Objects.requireNonNull(doses, "dose levels");
		if (doses.isEmpty()) {
			throw new IllegalArgumentException("no dose levels");
		}
		doses.forEach(d -> Objects.requireNonNull(d, "dose level outcome"));
		return List.copyOf(doses);
	}

	static DoseLevelOutcome current(List<DoseLevelOutcome> doses, int currentDose) {
		if (currentDose < 1 || currentDose > doses.size()) {
			throw new IllegalArgumentException(
					"current dose level must be 1 to " + doses.size() + ", was " + currentDose);
		}
		DoseLevelOutcome c = doses.get(currentDose - 1);
		if (c.treated() == 0) {
			throw new IllegalArgumentException("no patients treated at the current dose level " + currentDose);
		}
		return c;
	}

}
