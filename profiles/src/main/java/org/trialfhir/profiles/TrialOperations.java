package org.trialfhir.profiles;

import java.util.List;

/**
 * Operations of the TrialFHIR server: names (with the leading {@code $}, as HAPI's
 * {@code @Operation(name = ...)} takes them), parameter names and the canonical URLs of
 * their OperationDefinitions.
 */
public final class TrialOperations {

	/**
	 * ResearchStudy/[id]/$survival: Kaplan-Meier, log-rank and Cox for OS, PFS or TTP.
	 */
	public static final String SURVIVAL = "$survival";

	/** ResearchStudy/[id]/$response-rate: ORR and DCR with exact CIs and Fisher test. */
	public static final String RESPONSE_RATE = "$response-rate";

	/** ResearchStudy/[id]/$adverse-event-summary: AE incidence tables. */
	public static final String ADVERSE_EVENT_SUMMARY = "$adverse-event-summary";

	/** ResearchStudy/[id]/$consort: participant flow. */
	public static final String CONSORT = "$consort";

	/** ResearchStudy/[id]/$dose-escalation: per-dose DLTs, decision and MTD estimate. */
	public static final String DOSE_ESCALATION = "$dose-escalation";

	/** ResearchStudy/[id]/$randomize: new ResearchSubject from the concealed list. */
	public static final String RANDOMIZE = "$randomize";

	/** ResearchSubject/[id]/$unblind: emergency unblinding, always audited. */
	public static final String UNBLIND = "$unblind";

	/**
	 * System-level administration: recompute the endpoint projection from the resource
	 * store (POST). Not part of the IG's contract, hence not in {@link #ALL}.
	 */
	public static final String REBUILD_ENDPOINT_PROJECTION = "$rebuild-endpoint-projection";

	/** OperationDefinition of {@link #SURVIVAL}. */
	public static final String SURVIVAL_DEFINITION = TrialCanonical.OPERATION_DEFINITION
			+ "trial-researchstudy-survival";

	/** OperationDefinition of {@link #RESPONSE_RATE}. */
	public static final String RESPONSE_RATE_DEFINITION = TrialCanonical.OPERATION_DEFINITION
			+ "trial-researchstudy-response-rate";

	/** OperationDefinition of {@link #ADVERSE_EVENT_SUMMARY}. */
	public static final String ADVERSE_EVENT_SUMMARY_DEFINITION = TrialCanonical.OPERATION_DEFINITION
			+ "trial-researchstudy-adverse-event-summary";

	/** OperationDefinition of {@link #CONSORT}. */
	public static final String CONSORT_DEFINITION = TrialCanonical.OPERATION_DEFINITION + "trial-researchstudy-consort";

	/** OperationDefinition of {@link #DOSE_ESCALATION}. */
	public static final String DOSE_ESCALATION_DEFINITION = TrialCanonical.OPERATION_DEFINITION
			+ "trial-researchstudy-dose-escalation";

	/** OperationDefinition of {@link #RANDOMIZE}. */
	public static final String RANDOMIZE_DEFINITION = TrialCanonical.OPERATION_DEFINITION
			+ "trial-researchstudy-randomize";

	/** OperationDefinition of {@link #UNBLIND}. */
	public static final String UNBLIND_DEFINITION = TrialCanonical.OPERATION_DEFINITION
			+ "trial-researchsubject-unblind";

	/** Every operation name. */
	public static final List<String> ALL = List.of(SURVIVAL, RESPONSE_RATE, ADVERSE_EVENT_SUMMARY, CONSORT,
			DOSE_ESCALATION, RANDOMIZE, UNBLIND);

	/** Every OperationDefinition URL, in the order of {@link #ALL}. */
	public static final List<String> ALL_DEFINITIONS = List.of(SURVIVAL_DEFINITION, RESPONSE_RATE_DEFINITION,
			ADVERSE_EVENT_SUMMARY_DEFINITION, CONSORT_DEFINITION, DOSE_ESCALATION_DEFINITION, RANDOMIZE_DEFINITION,
			UNBLIND_DEFINITION);

	/**
	 * Input parameter names (see the OperationDefinitions for types and cardinalities).
	 */
	public static final class In {

		/** date: data cut-off (default today). All analysis operations. */
		public static final String CUTOFF = "cutoff";

		/** code: OS | PFS | TTP ($survival). */
		public static final String ENDPOINT = "endpoint";

		/**
		 * integer: horizon in days ($survival; default the endpoint's time frame, 365).
		 */
		public static final String HORIZON = "horizon";

		/** boolean: stratify log-rank and Cox by stratum ($survival). */
		public static final String STRATIFIED = "stratified";

		/** code: efron | breslow ($survival). */
		public static final String TIES = "ties";

		/** code: log | log-log ($survival). */
		public static final String CI_TRANSFORM = "ciTransform";

		/** boolean: shade pointwise confidence bands in the plot ($survival). */
		public static final String CONFIDENCE_BANDS = "confidenceBands";

		/** Reference(Patient) ($randomize). */
		public static final String PATIENT = "patient";

		/** Coding from the stratum value set ($randomize). */
		public static final String STRATUM = "stratum";

		/** Identifier of the new ResearchSubject ($randomize). */
		public static final String IDENTIFIER = "identifier";

		/** date: randomization date ($randomize; default today). */
		public static final String DATE = "date";

		/** string: why the subject is unblinded ($unblind). */
		public static final String REASON = "reason";

		/**
		 * boolean: return the design's printable boundary table (a text Binary) instead
		 * of the decision ($dose-escalation).
		 */
		public static final String BOUNDARY_TABLE = "boundaryTable";

		private In() {
		}

	}

	/** Output parameter and part names (see the OperationDefinitions). */
	public static final class Out {

		/** date: cut-off used. */
		public static final String CUTOFF = "cutoff";

		/** boolean: result pooled over arms for a blinded caller. */
		public static final String POOLED = "pooled";

		/**
		 * integer: subjects the result is computed from (also a part of each arm group).
		 */
		public static final String SUBJECTS = "subjects";

		/** integer: resources the subjects' endpoint facts were derived from. */
		public static final String RESOURCES = "resources";

		/** string: why a test or estimate is absent ($survival). */
		public static final String NOTE = "note";

		/** Arm name used in {@link #ARM} groups of pooled results. */
		public static final String POOLED_ARM_NAME = "POOLED";

		/** code: endpoint analysed ($survival). */
		public static final String ENDPOINT = "endpoint";

		/** integer: horizon used ($survival). */
		public static final String HORIZON = "horizon";

		/** Group per arm. */
		public static final String ARM = "arm";

		/** Part: arm.name or {@link #POOLED_ARM_NAME}. */
		public static final String NAME = "name";

		/** Group: log-rank test ($survival). */
		public static final String LOG_RANK = "logRank";

		/** Group: Cox hazard ratio ($survival). */
		public static final String HAZARD_RATIO = "hazardRatio";

		/** Group: between-arm comparison ($response-rate). */
		public static final String COMPARISON = "comparison";

		/** Group per dose level ($dose-escalation). */
		public static final String DOSE_LEVEL = "doseLevel";

		/** Coding: decision ($dose-escalation). */
		public static final String DECISION = "decision";

		/** integer: next dose level ($dose-escalation). */
		public static final String NEXT_DOSE_LEVEL = "nextDoseLevel";

		/** integer: MTD estimate ($dose-escalation). */
		public static final String MTD = "mtd";

		/** Coding: design applied ($dose-escalation). */
		public static final String DESIGN = "design";

		/** decimal: target DLT rate ($dose-escalation). */
		public static final String TARGET_DLT_RATE = "targetDltRate";

		/** integer: DLT window in days ($dose-escalation). */
		public static final String DLT_WINDOW_DAYS = "dltWindowDays";

		/** integer: dose level the decision is about ($dose-escalation). */
		public static final String CURRENT_DOSE_LEVEL = "currentDoseLevel";

		/** string: the rule that applied, in words ($dose-escalation). */
		public static final String REASON = "reason";

		/** boolean: the design's stopping rule is reached ($dose-escalation). */
		public static final String STOPPING_RULE_REACHED = "stoppingRuleReached";

		/** The new ResearchSubject ($randomize). */
		public static final String RETURN = "return";

		/** string: assigned arm ($unblind). */
		public static final String ASSIGNED_ARM = "assignedArm";

		/** string: actual arm ($unblind). */
		public static final String ACTUAL_ARM = "actualArm";

		/** Coding: study cell product ($unblind). */
		public static final String STUDY_PRODUCT = "studyProduct";

		/** Reference: the AuditEvent of the unblinding ($unblind). */
		public static final String AUDIT_EVENT = "auditEvent";

		private Out() {
		}

	}

	/**
	 * Part names of each {@link Out#DOSE_LEVEL} group of {@code $dose-escalation} (parts,
	 * not top-level parameters).
	 */
	public static final class DoseLevelPart {

		/** Dose-level ordinal ($dose-escalation). */
		public static final String ORDINAL = "ordinal";

		/** Dose per administration, Quantity ($dose-escalation). */
		public static final String DOSE = "dose";

		/** Subjects treated at the level ($dose-escalation). */
		public static final String TREATED = "treated";

		/** DLT-evaluable subjects ($dose-escalation). */
		public static final String DLT_EVALUABLE = "dltEvaluable";

		/** Subjects with a DLT ($dose-escalation). */
		public static final String DLTS = "dlts";

		/**
		 * Subjects still within their DLT window without a DLT ($dose-escalation).
		 */
		public static final String PENDING = "pending";

		/** Isotonic DLT-rate estimate ($dose-escalation). */
		public static final String ISOTONIC_ESTIMATE = "isotonicEstimate";

		private DoseLevelPart() {
		}

	}

	private TrialOperations() {
	}

}
