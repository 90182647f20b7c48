package org.trialfhir.server.analysis.safety;

import java.util.List;

/**
 * Adverse-event table: one summary per group, in group order.
 *
 * @param groups group summaries
 */
public record SafetyTable(List<GroupSafetySummary> groups) {

	/** Copies the list. */
	public SafetyTable {
		groups = List.copyOf(groups);
	}

	/**
	 * @param group group label
	 * @return its summary
	 */
	public GroupSafetySummary group(String group) {
		return groups.stream()
			.filter(g -> g.group().equals(group))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no group '" + group + "' in the safety table"));
	}
}
