package org.trialfhir.profiles;

import java.util.Arrays;
import java.util.Optional;

/**
 * The codes of the IG, one enum per code system or value set. The enums mirror the
 * CodeSystems and ValueSets of the package exactly (a test compares them).
 */
public final class TrialCodes {

	/** LOINC code of body surface area (TrialBodySurfaceArea.code). */
	public static final String LOINC_BODY_SURFACE_AREA = "8277-6";

	/** UCUM unit of body surface area. */
	public static final String UCUM_SQUARE_METRE = "m2";

	/** Code of TrialTumorResponse.code in {@link TrialCodeSystems#OBSERVATION_TYPE}. */
	public static final String RECIST_OVERALL_RESPONSE = "recist-overall-response";

	/**
	 * TAS-102 protocol dose in mg per m² body surface area, per administration (twice
	 * daily).
	 */
	public static final int TAS_102_MG_PER_M2 = 35;

	/** R4 adverse-event seriousness: serious. */
	public static final String AE_SERIOUS = "Serious";

	/** R4 adverse-event seriousness: non-serious. */
	public static final String AE_NON_SERIOUS = "Non-serious";

	/**
	 * RECIST 1.1 overall response (NCI Thesaurus), with the ranking used for best overall
	 * response.
	 */
	public enum RecistResponse implements TrialCode {

		/** Complete response. */
		CR("C4870", "Complete Response", 4),
		/** Partial response. */
		PR("C18058", "Partial Response", 3),
		/** Stable disease. */
		SD("C18213", "Stable Disease", 2),
		/** Progressive disease. */
		PD("C35571", "Progressive Disease", 1),
		/** Not evaluable: not an adequate assessment. */
		NE("C62222", "Not Evaluable", 0);

		private final String code;

		private final String display;

		private final int rank;

		RecistResponse(String code, String display, int rank) {
			this.code = code;
			this.display = display;
			this.rank = rank;
		}

		@Override
		public String system() {
			return TrialCodeSystems.NCIT;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public String display() {
			return this.display;
		}

		/** Best-overall-response rank: CR 4 &gt; PR 3 &gt; SD 2 &gt; PD 1 &gt; NE 0. */
		public int rank() {
			return this.rank;
		}

		/** CR, PR, SD and PD are adequate assessments; NE is not. */
		public boolean isAdequate() {
			return this != NE;
		}

		/** CR or PR. */
		public boolean isResponse() {
			return this == CR || this == PR;
		}

		/** The response with this NCIt code. */
		public static Optional<RecistResponse> fromCode(String system, String code) {
			return find(values(), system, code);
		}

	}

	/**
	 * CTCAE grade (NCI Thesaurus), same codes as HL7's
	 * adverse-event-clinical-research-grades.
	 */
	public enum CtcaeGrade implements TrialCode {

		/** Grade 1, mild. */
		GRADE_1("C41338", "Grade 1 Mild Adverse Event", 1),
		/** Grade 2, moderate. */
		GRADE_2("C41339", "Grade 2 Moderate Adverse Event", 2),
		/** Grade 3, severe. */
		GRADE_3("C41340", "Grade 3 Severe Adverse Event", 3),
		/** Grade 4, life-threatening or disabling. */
		GRADE_4("C41337", "Grade 4 Life Threatening or Disabling Adverse Event", 4),
		/** Grade 5, death related to the adverse event. */
		GRADE_5("C48275", "Grade 5 Death Related to Adverse Event", 5);

		private final String code;

		private final String display;

		private final int grade;

		CtcaeGrade(String code, String display, int grade) {
			this.code = code;
			this.display = display;
			this.grade = grade;
		}

		@Override
		public String system() {
			return TrialCodeSystems.NCIT;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public String display() {
			return this.display;
		}

		/** The grade as a number, 1-5. */
		public int grade() {
			return this.grade;
		}

		/** The grade with this NCIt code. */
		public static Optional<CtcaeGrade> fromCode(String system, String code) {
			return find(values(), system, code);
		}

		/** The grade with this number (1-5). */
		public static Optional<CtcaeGrade> ofGrade(int grade) {
			return Arrays.stream(values()).filter((g) -> g.grade == grade).findFirst();
		}

	}

	/** User roles; blinded roles never see arms or the study cell product. */
	public enum Role implements TrialCode {

		/** Site investigator (blinded). */
		INVESTIGATOR("investigator", "Investigator", true),
		/** Study coordinator (blinded). */
		COORDINATOR("coordinator", "Study coordinator", true),
		/** EHR interface, system writer (blinded). */
		EHR_INTERFACE("ehr-interface", "EHR interface", true),
		/** Unblinded pharmacist. */
		PHARMACIST("pharmacist", "Unblinded pharmacist", false),
		/** Unblinded statistician. */
		UNBLINDED_STATISTICIAN("unblinded-statistician", "Unblinded statistician", false),
		/** Data and safety monitoring board (unblinded). */
		DSMB("dsmb", "Data and safety monitoring board", false),
		/** Administrator (blinded; unblinds only through $unblind). */
		ADMIN("admin", "Administrator", true);

		private final String code;

		private final String display;

		private final boolean blinded;

		Role(String code, String display, boolean blinded) {
			this.code = code;
			this.display = display;
			this.blinded = blinded;
		}

		@Override
		public String system() {
			return TrialCodeSystems.ROLE;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public String display() {
			return this.display;
		}

		/** True if the role must not see arms or the study cell product. */
		public boolean isBlinded() {
			return this.blinded;
		}

		/** The role with this code (system {@link TrialCodeSystems#ROLE}). */
		public static Optional<Role> fromCode(String code) {
			return find(values(), TrialCodeSystems.ROLE, code);
		}

	}

	/** Masking, ClinicalTrials.gov vocabulary. */
	public enum Masking implements TrialCode {

		/** Open label. */
		NONE("None (Open Label)"),
		/** Single. */
		SINGLE("Single"),
		/** Double. */
		DOUBLE("Double"),
		/** Triple. */
		TRIPLE("Triple"),
		/** Quadruple. */
		QUADRUPLE("Quadruple");

		private final String display;

		Masking(String display) {
			this.display = display;
		}

		@Override
		public String system() {
			return TrialCodeSystems.MASKING;
		}

		@Override
		public String code() {
			return name();
		}

		@Override
		public String display() {
			return this.display;
		}

		/** True unless open label. */
		public boolean isBlinded() {
			return this != NONE;
		}

	}

	/** Allocation, ClinicalTrials.gov vocabulary. */
	public enum Allocation implements TrialCode {

		/** Randomized. */
		RANDOMIZED("Randomized"),
		/** Non-randomized. */
		NON_RANDOMIZED("Non-Randomized"),
		/** Single arm. */
		NA("N/A");

		private final String display;

		Allocation(String display) {
			this.display = display;
		}

		@Override
		public String system() {
			return TrialCodeSystems.ALLOCATION;
		}

		@Override
		public String code() {
			return name();
		}

		@Override
		public String display() {
			return this.display;
		}

	}

	/** Arm type, ClinicalTrials.gov vocabulary. */
	public enum ArmType implements TrialCode {

		/** Experimental. */
		EXPERIMENTAL("Experimental"),
		/** Active comparator. */
		ACTIVE_COMPARATOR("Active Comparator"),
		/** Placebo comparator. */
		PLACEBO_COMPARATOR("Placebo Comparator"),
		/** Sham comparator. */
		SHAM_COMPARATOR("Sham Comparator"),
		/** No intervention. */
		NO_INTERVENTION("No Intervention"),
		/** Other. */
		OTHER("Other");

		private final String display;

		ArmType(String display) {
			this.display = display;
		}

		@Override
		public String system() {
			return TrialCodeSystems.ARM_TYPE;
		}

		@Override
		public String code() {
			return name();
		}

		@Override
		public String display() {
			return this.display;
		}

	}

	/** Endpoints. */
	public enum Endpoint implements TrialCode {

		/** Overall survival (time to event). */
		OS("Overall survival", true),
		/** Progression-free survival (time to event). */
		PFS("Progression-free survival", true),
		/** Time to progression (time to event). */
		TTP("Time to progression", true),
		/** Objective response rate. */
		ORR("Objective response rate", false),
		/** Adverse-event incidence. */
		AE("Adverse-event incidence", false),
		/** Maximum tolerated dose. */
		MTD("Maximum tolerated dose", false);

		private final String display;

		private final boolean timeToEvent;

		Endpoint(String display, boolean timeToEvent) {
			this.display = display;
			this.timeToEvent = timeToEvent;
		}

		@Override
		public String system() {
			return TrialCodeSystems.ENDPOINT;
		}

		@Override
		public String code() {
			return name();
		}

		@Override
		public String display() {
			return this.display;
		}

		/** True for OS, PFS and TTP, the endpoints $survival accepts. */
		public boolean isTimeToEvent() {
			return this.timeToEvent;
		}

		/** The endpoint with this code (system {@link TrialCodeSystems#ENDPOINT}). */
		public static Optional<Endpoint> fromCode(String code) {
			return find(values(), TrialCodeSystems.ENDPOINT, code);
		}

	}

	/** Dose-escalation designs. */
	public enum DoseEscalationDesign implements TrialCode {

		/** Rule-based 3+3. */
		THREE_PLUS_THREE("three-plus-three", "3+3"),
		/** Bayesian optimal interval design. */
		BOIN("boin", "BOIN");

		private final String code;

		private final String display;

		DoseEscalationDesign(String code, String display) {
			this.code = code;
			this.display = display;
		}

		@Override
		public String system() {
			return TrialCodeSystems.DOSE_ESCALATION_DESIGN;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public String display() {
			return this.display;
		}

		/** The design with this code. */
		public static Optional<DoseEscalationDesign> fromCode(String code) {
			return find(values(), TrialCodeSystems.DOSE_ESCALATION_DESIGN, code);
		}

	}

	/** Dose-escalation decisions. */
	public enum DoseDecision implements TrialCode {

		/** Escalate. */
		ESCALATE("escalate", "Escalate"),
		/** Stay. */
		STAY("stay", "Stay"),
		/** De-escalate. */
		DE_ESCALATE("de-escalate", "De-escalate"),
		/** Eliminate. */
		ELIMINATE("eliminate", "Eliminate"),
		/** Stop. */
		STOP("stop", "Stop");

		private final String code;

		private final String display;

		DoseDecision(String code, String display) {
			this.code = code;
			this.display = display;
		}

		@Override
		public String system() {
			return TrialCodeSystems.DOSE_DECISION;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public String display() {
			return this.display;
		}

	}

	/**
	 * Study products; RAK cells and control are both shown to blinded users as
	 * {@link #STUDY_CELL_PRODUCT}.
	 */
	public enum StudyProduct implements TrialCode {

		/** TAS-102, background chemotherapy (not masked). */
		TAS_102("tas-102", "TAS-102 (trifluridine/tipiracil)"),
		/** The masked study cell product. */
		STUDY_CELL_PRODUCT("study-cell-product", "Study cell product (masked)"),
		/** RAK cells (masked for blinded users). */
		RAK_CELLS("rak-cells", "RAK cells"),
		/** Control (masked for blinded users). */
		CONTROL("control", "Control");

		private final String code;

		private final String display;

		StudyProduct(String code, String display) {
			this.code = code;
			this.display = display;
		}

		@Override
		public String system() {
			return TrialCodeSystems.STUDY_PRODUCT;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public String display() {
			return this.display;
		}

		/**
		 * True for RAK cells and control: codes a blinded user must see as
		 * {@link #STUDY_CELL_PRODUCT}.
		 */
		public boolean isMasked() {
			return this == RAK_CELLS || this == CONTROL;
		}

		/** The product with this code. */
		public static Optional<StudyProduct> fromCode(String system, String code) {
			return find(values(), system, code);
		}

	}

	/** Randomization strata. */
	public enum Stratum implements TrialCode {

		/** ECOG performance status 0. */
		ECOG_0("ecog-0", "ECOG 0"),
		/** ECOG performance status 1. */
		ECOG_1("ecog-1", "ECOG 1");

		private final String code;

		private final String display;

		Stratum(String code, String display) {
			this.code = code;
			this.display = display;
		}

		@Override
		public String system() {
			return TrialCodeSystems.STRATUM;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public String display() {
			return this.display;
		}

		/** The stratum with this code. */
		public static Optional<Stratum> fromCode(String system, String code) {
			return find(values(), system, code);
		}

	}

	/** Adverse-event attribution. */
	public enum Attribution implements TrialCode {

		/** Unrelated. */
		UNRELATED("unrelated", "Unrelated", false),
		/** Unlikely. */
		UNLIKELY("unlikely", "Unlikely", false),
		/** Possible. */
		POSSIBLE("possible", "Possible", true),
		/** Probable. */
		PROBABLE("probable", "Probable", true),
		/** Definite. */
		DEFINITE("definite", "Definite", true);

		private final String code;

		private final String display;

		private final boolean related;

		Attribution(String code, String display, boolean related) {
			this.code = code;
			this.display = display;
			this.related = related;
		}

		@Override
		public String system() {
			return TrialCodeSystems.AE_ATTRIBUTION;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public String display() {
			return this.display;
		}

		/** True for possible, probable and definite. */
		public boolean isRelated() {
			return this.related;
		}

	}

	private static <E extends Enum<E> & TrialCode> Optional<E> find(E[] values, String system, String code) {
		return Arrays.stream(values).filter((value) -> value.is(system, code)).findFirst();
	}

	private TrialCodes() {
	}

}
