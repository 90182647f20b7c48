package org.trialfhir.server.analysis.doseescalation;

/** What to do with the next cohort. */
public enum DoseEscalationAction {

	/** Treat the next cohort at the next higher dose. */
	ESCALATE,
	/** Treat the next cohort at the current dose (3+3: expand the cohort). */
	STAY,
	/** Treat the next cohort at the next lower dose. */
	DE_ESCALATE,
	/**
	 * The current dose (and all higher doses) is eliminated as overly toxic; go to the
	 * next lower dose.
	 */
	ELIMINATE,
	/** Stop the trial (see the decision's MTD, if any). */
	STOP

}
