package org.trialfhir.profiles;

import java.util.List;

/**
 * Canonical URLs of the IG's code systems and of the external code systems the IG uses.
 */
public final class TrialCodeSystems {

	/** Masking, ClinicalTrials.gov vocabulary. */
	public static final String MASKING = TrialCanonical.CODE_SYSTEM + "trial-masking";

	/** Allocation, ClinicalTrials.gov vocabulary. */
	public static final String ALLOCATION = TrialCanonical.CODE_SYSTEM + "trial-allocation";

	/** Arm type, ClinicalTrials.gov vocabulary. */
	public static final String ARM_TYPE = TrialCanonical.CODE_SYSTEM + "trial-arm-type";

	/** Endpoints (OS, PFS, TTP, ORR, AE, MTD). */
	public static final String ENDPOINT = TrialCanonical.CODE_SYSTEM + "trial-endpoint";

	/** Dose-escalation designs (3+3, BOIN). */
	public static final String DOSE_ESCALATION_DESIGN = TrialCanonical.CODE_SYSTEM + "trial-dose-escalation-design";

	/** Dose-escalation decisions. */
	public static final String DOSE_DECISION = TrialCanonical.CODE_SYSTEM + "trial-dose-decision";

	/** User roles, with the property {@code blinded}. */
	public static final String ROLE = TrialCanonical.CODE_SYSTEM + "trial-role";

	/** Study products (TAS-102, RAK cells, control, masked study cell product). */
	public static final String STUDY_PRODUCT = TrialCanonical.CODE_SYSTEM + "trial-study-product";

	/** Randomization strata (ECOG 0/1). */
	public static final String STRATUM = TrialCanonical.CODE_SYSTEM + "trial-stratum";

	/** Adverse-event attribution, with the property {@code related}. */
	public static final String AE_ATTRIBUTION = TrialCanonical.CODE_SYSTEM + "trial-ae-attribution";

	/** Observation codes no established terminology offers (RECIST overall response). */
	public static final String OBSERVATION_TYPE = TrialCanonical.CODE_SYSTEM + "trial-observation-type";

	/** Every code system of the IG (all closed: content = complete). */
	public static final List<String> ALL = List.of(MASKING, ALLOCATION, ARM_TYPE, ENDPOINT, DOSE_ESCALATION_DESIGN,
			DOSE_DECISION, ROLE, STUDY_PRODUCT, STRATUM, AE_ATTRIBUTION, OBSERVATION_TYPE);

	/**
	 * NCI Thesaurus (RECIST responses, CTCAE grades). Not loaded: codes are accepted with
	 * a warning.
	 */
	public static final String NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";

	/**
	 * MedDRA (adverse-event terms). Licensed, not loaded: codes are accepted with a
	 * warning.
	 */
	public static final String MEDDRA = "https://www.meddra.org";

	/** LOINC (body surface area). Not loaded: codes are accepted with a warning. */
	public static final String LOINC = "http://loinc.org";

	/** UCUM units. */
	public static final String UCUM = "http://unitsofmeasure.org";

	/** R4 adverse-event seriousness ({@code Serious}, {@code Non-serious}). */
	public static final String AE_SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";

	/** R4 research study objective type (primary, secondary, exploratory). */
	public static final String OBJECTIVE_TYPE = "http://terminology.hl7.org/CodeSystem/research-study-objective-type";

	/** R4 research study phase. */
	public static final String STUDY_PHASE = "http://terminology.hl7.org/CodeSystem/research-study-phase";

	private TrialCodeSystems() {
	}

}
