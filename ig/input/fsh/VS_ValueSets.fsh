// Value sets of the IG. Names end in VS, ids in -vs.

ValueSet: TrialRecistResponseVS
Id: trial-recist-response-vs
Title: "RECIST 1.1 overall response"
Description: "RECIST 1.1 overall responses as NCI Thesaurus concepts: CR, PR, SD, PD and NE (not evaluable). CR, PR, SD and PD are adequate assessments; NE is not."
* insert TrialValueSet
* $NCIT#C4870 "Complete Response"
* $NCIT#C18058 "Partial Response"
* $NCIT#C18213 "Stable Disease"
* $NCIT#C35571 "Progressive Disease"
* $NCIT#C62222 "Not Evaluable"

ValueSet: TrialCtcaeGradeVS
Id: trial-ctcae-grade-vs
Title: "CTCAE grade"
Description: "CTCAE grades 1 to 5 as NCI Thesaurus concepts, the same codes as HL7's value set adverse-event-clinical-research-grades used by the AE Clinical Research backport IG."
* insert TrialValueSet
* $NCIT#C41338 "Grade 1 Mild Adverse Event"
* $NCIT#C41339 "Grade 2 Moderate Adverse Event"
* $NCIT#C41340 "Grade 3 Severe Adverse Event"
* $NCIT#C41337 "Grade 4 Life Threatening or Disabling Adverse Event"
* $NCIT#C48275 "Grade 5 Death Related to Adverse Event"

ValueSet: TrialAdverseEventTermVS
Id: trial-adverse-event-term-vs
Title: "Adverse-event term"
Description: "Adverse-event terms from MedDRA (CTCAE terms are MedDRA lowest-level terms). MedDRA is licensed and not loaded into TrialFHIR: its codes are accepted without a local check."
* insert TrialValueSet
* include codes from system $MEDDRA

ValueSet: TrialMaskingVS
Id: trial-masking-vs
Title: "Masking"
Description: "All masking codes (ClinicalTrials.gov vocabulary)."
* insert TrialValueSet
* include codes from system TrialMaskingCS

ValueSet: TrialAllocationVS
Id: trial-allocation-vs
Title: "Allocation"
Description: "All allocation codes (ClinicalTrials.gov vocabulary)."
* insert TrialValueSet
* include codes from system TrialAllocationCS

ValueSet: TrialArmTypeVS
Id: trial-arm-type-vs
Title: "Arm type"
Description: "All arm types (ClinicalTrials.gov vocabulary)."
* insert TrialValueSet
* include codes from system TrialArmTypeCS

ValueSet: TrialEndpointVS
Id: trial-endpoint-vs
Title: "Trial endpoint"
Description: "All endpoints TrialFHIR derives."
* insert TrialValueSet
* include codes from system TrialEndpointCS

ValueSet: TrialSurvivalEndpointVS
Id: trial-survival-endpoint-vs
Title: "Time-to-event endpoint"
Description: "The time-to-event endpoints that $survival analyses: OS, PFS and TTP."
* insert TrialValueSet
* TrialEndpointCS#OS
* TrialEndpointCS#PFS
* TrialEndpointCS#TTP

ValueSet: TrialDoseEscalationDesignVS
Id: trial-dose-escalation-design-vs
Title: "Dose-escalation design"
Description: "All dose-escalation designs: 3+3 and BOIN."
* insert TrialValueSet
* include codes from system TrialDoseEscalationDesignCS

ValueSet: TrialDoseDecisionVS
Id: trial-dose-decision-vs
Title: "Dose-escalation decision"
Description: "All dose-escalation decisions."
* insert TrialValueSet
* include codes from system TrialDoseDecisionCS

ValueSet: TrialRoleVS
Id: trial-role-vs
Title: "Trial role"
Description: "All TrialFHIR user roles."
* insert TrialValueSet
* include codes from system TrialRoleCS

ValueSet: TrialStudyProductVS
Id: trial-study-product-vs
Title: "Study product"
Description: "What a trial MedicationAdministration may give: TAS-102, RAK cells, control, or the masked study cell product."
* insert TrialValueSet
* include codes from system TrialStudyProductCS

ValueSet: TrialStratumVS
Id: trial-stratum-vs
Title: "Randomization stratum"
Description: "All randomization strata."
* insert TrialValueSet
* include codes from system TrialStratumCS

ValueSet: TrialAttributionVS
Id: trial-ae-attribution-vs
Title: "Adverse-event attribution"
Description: "All attribution codes."
* insert TrialValueSet
* include codes from system TrialAttributionCS
