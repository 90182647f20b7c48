package org.trialfhir.profiles;

import java.util.List;

/** Canonical URLs of the IG's value sets. */
public final class TrialValueSets {

	/** RECIST 1.1 overall responses (NCIt CR, PR, SD, PD, NE). */
	public static final String RECIST_RESPONSE = TrialCanonical.VALUE_SET + "trial-recist-response-vs";

	/** CTCAE grades 1-5 (NCIt). */
	public static final String CTCAE_GRADE = TrialCanonical.VALUE_SET + "trial-ctcae-grade-vs";

	/** Adverse-event terms (all of MedDRA). */
	public static final String ADVERSE_EVENT_TERM = TrialCanonical.VALUE_SET + "trial-adverse-event-term-vs";

	/** Masking. */
	public static final String MASKING = TrialCanonical.VALUE_SET + "trial-masking-vs";

	/** Allocation. */
	public static final String ALLOCATION = TrialCanonical.VALUE_SET + "trial-allocation-vs";

	/** Arm type. */
	public static final String ARM_TYPE = TrialCanonical.VALUE_SET + "trial-arm-type-vs";

	/** All endpoints. */
	public static final String ENDPOINT = TrialCanonical.VALUE_SET + "trial-endpoint-vs";

	/** Time-to-event endpoints of $survival (OS, PFS, TTP). */
	public static final String SURVIVAL_ENDPOINT = TrialCanonical.VALUE_SET + "trial-survival-endpoint-vs";

	/** Dose-escalation designs. */
	public static final String DOSE_ESCALATION_DESIGN = TrialCanonical.VALUE_SET + "trial-dose-escalation-design-vs";

	/** Dose-escalation decisions. */
	public static final String DOSE_DECISION = TrialCanonical.VALUE_SET + "trial-dose-decision-vs";

	/** User roles. */
	public static final String ROLE = TrialCanonical.VALUE_SET + "trial-role-vs";

	/** Study products. */
	public static final String STUDY_PRODUCT = TrialCanonical.VALUE_SET + "trial-study-product-vs";

	/** Randomization strata. */
	public static final String STRATUM = TrialCanonical.VALUE_SET + "trial-stratum-vs";

	/** Adverse-event attribution. */
	public static final String AE_ATTRIBUTION = TrialCanonical.VALUE_SET + "trial-ae-attribution-vs";

	/** Every value set of the IG. */
	public static final List<String> ALL = List.of(RECIST_RESPONSE, CTCAE_GRADE, ADVERSE_EVENT_TERM, MASKING,
			ALLOCATION, ARM_TYPE, ENDPOINT, SURVIVAL_ENDPOINT, DOSE_ESCALATION_DESIGN, DOSE_DECISION, ROLE,
			STUDY_PRODUCT, STRATUM, AE_ATTRIBUTION);

	private TrialValueSets() {
	}

}
