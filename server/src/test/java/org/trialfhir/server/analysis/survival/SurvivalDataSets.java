package org.trialfhir.server.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.trialfhir.server.analysis.ReferenceTable;

/** The data sets written by the R reference script ({@code analysis/data/*.csv}). */
final class SurvivalDataSets {

	static final List<String> NAMES = List.of("veteran", "lung", "ties", "noevents", "allcensored", "single");

	private SurvivalDataSets() {
	}

	/** Rows of a data set: time, event, group, stratum, covariate. */
	static List<Map<String, String>> rows(String name) {
		return ReferenceTable.load("data/" + name + ".csv").rows();
	}

	/**
	 * @param name data set
	 * @param groupColumn column used as group label ("group" or "stratum")
	 * @param dropMissingStratum drop rows whose stratum is NA (R drops them from
	 * stratified fits)
	 */
	static List<SurvivalObservation> observations(String name, String groupColumn, boolean dropMissingStratum) {
		List<SurvivalObservation> result = new ArrayList<>();
		for (Map<String, String> row : rows(name)) {
			if (dropMissingStratum && row.get("stratum").equals("NA")) {
				continue;
			}
			result.add(new SurvivalObservation(Double.parseDouble(row.get("time")), row.get("event").equals("1"),
					row.get(groupColumn), row.get("stratum")));
		}
		return result;
	}

	static List<SurvivalObservation> observations(String name) {
		return observations(name, "group", false);
	}

}
