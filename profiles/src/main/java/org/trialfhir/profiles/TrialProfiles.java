package org.trialfhir.profiles;

import java.util.List;

/**
 * Canonical URLs of the IG's profiles (StructureDefinitions with derivation = constraint
 * on a resource).
 */
public final class TrialProfiles {

	/** A trial, or one part of it (ResearchStudy). */
	public static final String RESEARCH_STUDY = TrialCanonical.STRUCTURE_DEFINITION + "trial-research-study";

	/** A Patient's participation in one part of the trial (ResearchSubject). */
	public static final String RESEARCH_SUBJECT = TrialCanonical.STRUCTURE_DEFINITION + "trial-research-subject";

	/**
	 * A patient as the EHR knows it: business identifier required, death as
	 * deceasedDateTime.
	 */
	public static final String PATIENT = TrialCanonical.STRUCTURE_DEFINITION + "trial-patient";

	/** One administration of TAS-102 or of the study cell product. */
	public static final String MEDICATION_ADMINISTRATION = TrialCanonical.STRUCTURE_DEFINITION
			+ "trial-medication-administration";

	/**
	 * An adverse event with CTCAE grade, MedDRA term, seriousness, attribution and DLT
	 * flag.
	 */
	public static final String ADVERSE_EVENT = TrialCanonical.STRUCTURE_DEFINITION + "trial-adverse-event";

	/** RECIST 1.1 overall response at one assessment (Observation). */
	public static final String TUMOR_RESPONSE = TrialCanonical.STRUCTURE_DEFINITION + "trial-tumor-response";

	/** Body surface area in m² (Observation, LOINC 8277-6). */
	public static final String BODY_SURFACE_AREA = TrialCanonical.STRUCTURE_DEFINITION + "trial-body-surface-area";

	/** Every profile of the IG. */
	public static final List<String> ALL = List.of(RESEARCH_STUDY, RESEARCH_SUBJECT, PATIENT, MEDICATION_ADMINISTRATION,
			ADVERSE_EVENT, TUMOR_RESPONSE, BODY_SURFACE_AREA);

	private TrialProfiles() {
	}

}
