package org.trialfhir.profiles;

import java.util.List;

/**
 * Search parameters the IG adds to R4: their codes (as used in a search URL) and
 * canonical URLs. Tumour responses are searched with R4's own Observation {@code code}
 * and {@code value-concept}.
 */
public final class TrialSearchParameters {

	/** AdverseEvent by CTCAE grade (token, NCIt code). */
	public static final String AE_CTCAE_GRADE = "ctcae-grade";

	/** Canonical URL of {@link #AE_CTCAE_GRADE}. */
	public static final String AE_CTCAE_GRADE_URL = TrialCanonical.SEARCH_PARAMETER + "trial-adverseevent-ctcae-grade";

	/** AdverseEvent by DLT flag (token, true/false). */
	public static final String AE_DLT = "dlt";

	/** Canonical URL of {@link #AE_DLT}. */
	public static final String AE_DLT_URL = TrialCanonical.SEARCH_PARAMETER + "trial-adverseevent-dlt";

	/**
	 * AdverseEvent by business identifier (R4 has none), for idempotent conditional
	 * writes.
	 */
	public static final String AE_IDENTIFIER = "identifier";

	/** Canonical URL of {@link #AE_IDENTIFIER}. */
	public static final String AE_IDENTIFIER_URL = TrialCanonical.SEARCH_PARAMETER + "trial-adverseevent-identifier";

	/** ResearchSubject by randomization stratum (token). */
	public static final String SUBJECT_STRATUM = "stratum";

	/** Canonical URL of {@link #SUBJECT_STRATUM}. */
	public static final String SUBJECT_STRATUM_URL = TrialCanonical.SEARCH_PARAMETER + "trial-researchsubject-stratum";

	/** ResearchSubject by dose-level ordinal (number). */
	public static final String SUBJECT_DOSE_LEVEL = "dose-level";

	/** Canonical URL of {@link #SUBJECT_DOSE_LEVEL}. */
	public static final String SUBJECT_DOSE_LEVEL_URL = TrialCanonical.SEARCH_PARAMETER
			+ "trial-researchsubject-dose-level";

	/**
	 * ResearchSubject by assigned arm (token); the server refuses it for blinded users.
	 */
	public static final String SUBJECT_ASSIGNED_ARM = "assigned-arm";

	/** Canonical URL of {@link #SUBJECT_ASSIGNED_ARM}. */
	public static final String SUBJECT_ASSIGNED_ARM_URL = TrialCanonical.SEARCH_PARAMETER
			+ "trial-researchsubject-assigned-arm";

	/** ResearchSubject by actual arm (token); the server refuses it for blinded users. */
	public static final String SUBJECT_ACTUAL_ARM = "actual-arm";

	/** Canonical URL of {@link #SUBJECT_ACTUAL_ARM}. */
	public static final String SUBJECT_ACTUAL_ARM_URL = TrialCanonical.SEARCH_PARAMETER
			+ "trial-researchsubject-actual-arm";

	/** MedicationAdministration by cycle number (number). */
	public static final String MEDICATION_ADMINISTRATION_CYCLE = "cycle";

	/** Canonical URL of {@link #MEDICATION_ADMINISTRATION_CYCLE}. */
	public static final String MEDICATION_ADMINISTRATION_CYCLE_URL = TrialCanonical.SEARCH_PARAMETER
			+ "trial-medicationadministration-cycle";

	/** ResearchStudy by endpoint code (token). */
	public static final String STUDY_ENDPOINT = "endpoint";

	/** Canonical URL of {@link #STUDY_ENDPOINT}. */
	public static final String STUDY_ENDPOINT_URL = TrialCanonical.SEARCH_PARAMETER + "trial-researchstudy-endpoint";

	/** Canonical URLs of every search parameter of the IG. */
	public static final List<String> ALL_URLS = List.of(AE_CTCAE_GRADE_URL, AE_DLT_URL, AE_IDENTIFIER_URL,
			SUBJECT_STRATUM_URL, SUBJECT_DOSE_LEVEL_URL, SUBJECT_ASSIGNED_ARM_URL, SUBJECT_ACTUAL_ARM_URL,
			MEDICATION_ADMINISTRATION_CYCLE_URL, STUDY_ENDPOINT_URL);

	private TrialSearchParameters() {
	}

}
