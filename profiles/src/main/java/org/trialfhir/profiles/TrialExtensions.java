package org.trialfhir.profiles;

import java.util.List;

/**
 * Canonical URLs of the IG's extensions and the names (extension.url) of their
 * sub-extensions. R5's ResearchStudy.outcomeMeasure and .recruitment are carried by
 * {@link #OUTCOME_MEASURE} and {@link #RECRUITMENT} under the IG's canonical, because the
 * official cross-version package cannot be installed in the offline build.
 */
public final class TrialExtensions {

	/** ResearchStudy: masking (CodeableConcept, {@link TrialCodes.Masking}). */
	public static final String MASKING = TrialCanonical.STRUCTURE_DEFINITION + "trial-masking";

	/** ResearchStudy: allocation (CodeableConcept, {@link TrialCodes.Allocation}). */
	public static final String ALLOCATION = TrialCanonical.STRUCTURE_DEFINITION + "trial-allocation";

	/**
	 * ResearchStudy: one endpoint (complex, see {@link OutcomeMeasure}); mirrors R5
	 * outcomeMeasure.
	 */
	public static final String OUTCOME_MEASURE = TrialCanonical.STRUCTURE_DEFINITION + "trial-outcome-measure";

	/**
	 * ResearchStudy: planned and actual enrollment (complex, see {@link Recruitment});
	 * mirrors R5 recruitment.
	 */
	public static final String RECRUITMENT = TrialCanonical.STRUCTURE_DEFINITION + "trial-recruitment";

	/** ResearchStudy: one dose level (complex, see {@link DoseLevel}). */
	public static final String DOSE_LEVEL = TrialCanonical.STRUCTURE_DEFINITION + "trial-dose-level";

	/**
	 * ResearchStudy: dose-escalation design (CodeableConcept,
	 * {@link TrialCodes.DoseEscalationDesign}).
	 */
	public static final String DOSE_ESCALATION_DESIGN = TrialCanonical.STRUCTURE_DEFINITION
			+ "trial-dose-escalation-design";

	/** ResearchStudy: target DLT rate (decimal, 0 &lt; rate &lt; 1). */
	public static final String TARGET_DLT_RATE = TrialCanonical.STRUCTURE_DEFINITION + "trial-target-dlt-rate";

	/** ResearchStudy: DLT window (Duration, UCUM d/wk/mo/a). */
	public static final String DLT_WINDOW = TrialCanonical.STRUCTURE_DEFINITION + "trial-dlt-window";

	/**
	 * ResearchSubject: randomization stratum (CodeableConcept,
	 * {@link TrialCodes.Stratum}).
	 */
	public static final String STRATUM = TrialCanonical.STRUCTURE_DEFINITION + "trial-stratum";

	/** ResearchSubject: dose-level ordinal (positiveInt). */
	public static final String SUBJECT_DOSE_LEVEL = TrialCanonical.STRUCTURE_DEFINITION + "trial-subject-dose-level";

	/** AdverseEvent: CTCAE grade (CodeableConcept, {@link TrialCodes.CtcaeGrade}). */
	public static final String AE_GRADE = TrialCanonical.STRUCTURE_DEFINITION + "trial-ae-grade";

	/** AdverseEvent: dose-limiting toxicity flag (boolean). */
	public static final String DLT = TrialCanonical.STRUCTURE_DEFINITION + "trial-dlt";

	/**
	 * ResearchSubject: an emergency unblinding by {@code $unblind} (complex, see
	 * {@link EmergencyUnblinding}); written by the server only.
	 */
	public static final String EMERGENCY_UNBLINDING = TrialCanonical.STRUCTURE_DEFINITION
			+ "trial-emergency-unblinding";

	/** MedicationAdministration: cycle and day (complex, see {@link TreatmentCycle}). */
	public static final String TREATMENT_CYCLE = TrialCanonical.STRUCTURE_DEFINITION + "trial-treatment-cycle";

	/**
	 * MedicationAdministration.dosage: body surface area the dose was calculated from
	 * (Quantity, m2).
	 */
	public static final String DOSING_BODY_SURFACE_AREA = TrialCanonical.STRUCTURE_DEFINITION
			+ "trial-dosing-body-surface-area";

	/**
	 * The AE Clinical Research backport IG's grade extension that {@link #AE_GRADE}
	 * mirrors (not loaded; for mapping only).
	 */
	public static final String HL7_AE_RESEARCH_GRADE = "http://hl7.org/fhir/uv/ae-research-backport-ig/StructureDefinition/ae-grade";

	/** Every extension of the IG. */
	public static final List<String> ALL = List.of(MASKING, ALLOCATION, OUTCOME_MEASURE, RECRUITMENT, DOSE_LEVEL,
			DOSE_ESCALATION_DESIGN, TARGET_DLT_RATE, DLT_WINDOW, STRATUM, SUBJECT_DOSE_LEVEL, AE_GRADE, DLT,
			TREATMENT_CYCLE, DOSING_BODY_SURFACE_AREA, EMERGENCY_UNBLINDING);

	/** Sub-extensions of {@link TrialExtensions#OUTCOME_MEASURE}. */
	public static final class OutcomeMeasure {

		/** Endpoint code (CodeableConcept, {@link TrialCodes.Endpoint}). */
		public static final String ENDPOINT = "endpoint";

		/**
		 * primary | secondary | exploratory (CodeableConcept,
		 * research-study-objective-type).
		 */
		public static final String TYPE = "type";

		/** Time frame (Duration). */
		public static final String TIME_FRAME = "timeFrame";

		/** Registry wording (markdown). */
		public static final String DESCRIPTION = "description";

		private OutcomeMeasure() {
		}

	}

	/** Sub-extensions of {@link TrialExtensions#RECRUITMENT}. */
	public static final class Recruitment {

		/** Planned enrollment (unsignedInt). */
		public static final String TARGET_NUMBER = "targetNumber";

		/** Actual enrollment (unsignedInt). */
		public static final String ACTUAL_NUMBER = "actualNumber";

		private Recruitment() {
		}

	}

	/** Sub-extensions of {@link TrialExtensions#DOSE_LEVEL}. */
	public static final class DoseLevel {

		/** Ordinal, 1 = lowest (positiveInt). */
		public static final String ORDINAL = "ordinal";

		/** Dose per administration (Quantity, UCUM). */
		public static final String DOSE = "dose";

		/** arm.name of the arm treating the level (string). */
		public static final String ARM = "arm";

		private DoseLevel() {
		}

	}

	/** Sub-extensions of {@link TrialExtensions#TREATMENT_CYCLE}. */
	public static final class TreatmentCycle {

		/** Cycle number, 1 = first (positiveInt). */
		public static final String CYCLE = "cycle";

		/** Day within the cycle, 1 = first (positiveInt). */
		public static final String DAY = "day";

		private TreatmentCycle() {
		}

	}

	/** Sub-extensions of {@link TrialExtensions#EMERGENCY_UNBLINDING}. */
	public static final class EmergencyUnblinding {

		/** When the subject was unblinded (dateTime). */
		public static final String DATE = "date";

		/** Trial role of the unblinding user (Coding from the role code system). */
		public static final String ROLE = "role";

		private EmergencyUnblinding() {
		}

	}

	private TrialExtensions() {
	}

}
