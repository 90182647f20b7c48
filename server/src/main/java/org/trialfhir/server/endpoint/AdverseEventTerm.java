package org.trialfhir.server.endpoint;

import java.util.Objects;

/**
 * One adverse-event term of a subject, over all its treatment-emergent events with that
 * term.
 *
 * @param code MedDRA code
 * @param display MedDRA term
 * @param worstGrade highest CTCAE grade (1-5)
 * @param serious true if any of the events was serious
 */
public record AdverseEventTerm(String code, String display, int worstGrade, boolean serious) {

	/** Checks the parts. */
	public AdverseEventTerm {
		Objects.requireNonNull(code, "term code");
		if (worstGrade < 1 || worstGrade > 5) {
			throw new IllegalArgumentException("CTCAE grade must be 1-5, was " + worstGrade);
		}
		display = (display == null || display.isBlank()) ? code : display;
	}

}
