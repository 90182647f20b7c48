package org.trialfhir.server.analysis.safety;

/**
 * One adverse event of a subject.
 *
 * @param term adverse event term (e.g. MedDRA preferred term), not blank
 * @param grade CTCAE grade 1 (mild) to 5 (death related to AE)
 * @param serious whether the event met the seriousness criteria (SAE)
 */
public record AdverseEvent(String term, int grade, boolean serious) {

	/** Validates the components. */
	public AdverseEvent {
		if (term == null || term.isBlank()) {
			throw new IllegalArgumentException("adverse event term must not be null or blank");
		}
		if (grade < 1 || grade > 5) {
			throw new IllegalArgumentException("CTCAE grade must be 1 to 5, was " + grade + " for '" + term + "'");
		}
	}
}
