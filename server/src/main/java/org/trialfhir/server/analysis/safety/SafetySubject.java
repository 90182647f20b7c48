package org.trialfhir.server.analysis.safety;

import java.util.List;

/**
 * A treated subject and the adverse events reported for them (possibly none).
 *
 * @param subjectId subject identifier, not blank, unique within a tabulation
 * @param group arm, not blank
 * @param adverseEvents adverse events (copied)
 */
public record SafetySubject(String subjectId, String group, List<AdverseEvent> adverseEvents) {

	/** Validates and copies. */
	public SafetySubject {
		if (subjectId == null || subjectId.isBlank()) {
			throw new IllegalArgumentException("subject id must not be null or blank");
		}
		if (group == null || group.isBlank()) {
			throw new IllegalArgumentException("group of subject " + subjectId + " must not be null or blank");
		}
		adverseEvents = List.copyOf(adverseEvents);
	}
}
