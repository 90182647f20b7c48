// Code systems defined by the IG. They are closed (content = complete): a code that is not listed is an error.
// Where a registry vocabulary exists (ClinicalTrials.gov), the codes are its enumeration names, spelled as it spells them.

CodeSystem: TrialMaskingCS
Id: trial-masking
Title: "Masking"
Description: "Who is masked (blinded) in a study, in the vocabulary of ClinicalTrials.gov (data element 'Masking')."
* insert TrialCodeSystem
* #NONE "None (Open Label)" "No one is masked."
* #SINGLE "Single" "One party (participant, care provider, investigator or outcomes assessor) is masked."
* #DOUBLE "Double" "Two parties are masked, typically participant and investigator."
* #TRIPLE "Triple" "Three parties are masked."
* #QUADRUPLE "Quadruple" "Participant, care provider, investigator and outcomes assessor are masked."

CodeSystem: TrialAllocationCS
Id: trial-allocation
Title: "Allocation"
Description: "How participants are assigned to arms, in the vocabulary of ClinicalTrials.gov (data element 'Allocation')."
* insert TrialCodeSystem
* #RANDOMIZED "Randomized" "Participants are assigned to arms by chance."
* #NON_RANDOMIZED "Non-Randomized" "Participants are assigned to arms deliberately (for example by dose-escalation cohort)."
* #NA "N/A" "Single-arm study."

CodeSystem: TrialArmTypeCS
Id: trial-arm-type
Title: "Arm type"
Description: "The role of an arm in a study, in the vocabulary of ClinicalTrials.gov (data element 'Arm Type')."
* insert TrialCodeSystem
* #EXPERIMENTAL "Experimental" "The arm receives the intervention under study."
* #ACTIVE_COMPARATOR "Active Comparator" "The arm receives an active, established treatment."
* #PLACEBO_COMPARATOR "Placebo Comparator" "The arm receives a placebo."
* #SHAM_COMPARATOR "Sham Comparator" "The arm receives a sham procedure or device."
* #NO_INTERVENTION "No Intervention" "The arm receives no intervention."
* #OTHER "Other" "None of the above."

CodeSystem: TrialEndpointCS
Id: trial-endpoint
Title: "Trial endpoint"
Description: "The endpoints TrialFHIR derives from stored data (see the endpoint derivation rules of this IG)."
* insert TrialCodeSystem
* #OS "Overall survival" "Time from origin to death from any cause."
* #PFS "Progression-free survival" "Time from origin to the earlier of first progression (RECIST PD) and death."
* #TTP "Time to progression" "Time from origin to first progression (RECIST PD); death without progression is censored."
* #ORR "Objective response rate" "Share of subjects whose best overall response is CR or PR."
* #AE "Adverse-event incidence" "Share of subjects with treatment-emergent adverse events, by worst CTCAE grade, seriousness and term."
* #MTD "Maximum tolerated dose" "The highest dose level whose estimated dose-limiting toxicity rate does not exceed the target."

CodeSystem: TrialDoseEscalationDesignCS
Id: trial-dose-escalation-design
Title: "Dose-escalation design"
Description: "Rules that decide the next dose level in a dose-escalation study."
* insert TrialCodeSystem
* #three-plus-three "3+3" "Rule-based 3+3 design: cohorts of three, expanded to six after one DLT; escalate at 0/3 or at most 1/6 DLTs."
* #boin "BOIN" "Bayesian optimal interval design (Liu and Yuan 2015), calibrated by a target DLT rate."

CodeSystem: TrialDoseDecisionCS
Id: trial-dose-decision
Title: "Dose-escalation decision"
Description: "What a dose-escalation design decides after the current cohort has been evaluated."
* insert TrialCodeSystem
* #escalate "Escalate" "Treat the next cohort at the next higher dose level."
* #stay "Stay" "Treat the next cohort at the same dose level."
* #de-escalate "De-escalate" "Treat the next cohort at the next lower dose level."
* #eliminate "Eliminate" "The current and higher dose levels are too toxic and are eliminated."
* #stop "Stop" "Stop escalation: the MTD is reached or the lowest dose is too toxic."

CodeSystem: TrialRoleCS
Id: trial-role
Title: "Trial role"
Description: "The roles a TrialFHIR user acts in. The property 'blinded' says whether the role sees masked arms and study products."
* insert TrialCodeSystem
* ^property[+].code = #blinded
* ^property[=].type = #boolean
* ^property[=].description = "True if users in this role must not see the treatment arm or the study cell product."
* #investigator "Investigator" "Site investigator treating and assessing subjects."
* #investigator ^property[+].code = #blinded
* #investigator ^property[=].valueBoolean = true
* #coordinator "Study coordinator" "Site staff recording trial data."
* #coordinator ^property[+].code = #blinded
* #coordinator ^property[=].valueBoolean = true
* #ehr-interface "EHR interface" "A system that writes clinical data from the hospital EHR."
* #ehr-interface ^property[+].code = #blinded
* #ehr-interface ^property[=].valueBoolean = true
* #pharmacist "Unblinded pharmacist" "Prepares and dispenses the study cell product."
* #pharmacist ^property[+].code = #blinded
* #pharmacist ^property[=].valueBoolean = false
* #unblinded-statistician "Unblinded statistician" "Prepares per-arm analyses for the DSMB."
* #unblinded-statistician ^property[+].code = #blinded
* #unblinded-statistician ^property[=].valueBoolean = false
* #dsmb "Data and safety monitoring board" "Independent board reviewing unblinded safety and efficacy data."
* #dsmb ^property[+].code = #blinded
* #dsmb ^property[=].valueBoolean = false
* #admin "Administrator" "Operates the server; sees masked data only through the unblinding operation."
* #admin ^property[+].code = #blinded
* #admin ^property[=].valueBoolean = true

CodeSystem: TrialStudyProductCS
Id: trial-study-product
Title: "Study product"
Description: "What a trial MedicationAdministration gives. The study cell product is either RAK cells or the control; blinded users see only 'study-cell-product'."
* insert TrialCodeSystem
* #tas-102 "TAS-102 (trifluridine/tipiracil)" "Background chemotherapy, orally 35 mg/m² twice daily on days 1-5 of each 3-week cycle."
* #study-cell-product "Study cell product (masked)" "RAK cells or control, as shown to blinded users."
* #study-cell-product #rak-cells "RAK cells" "RetroNectin-activated killer cells (autologous PBMC or umbilical-cord-blood derived, induced with RetroNectin, anti-CD3 mAb and IL-2)."
* #study-cell-product #control "Control" "The control infusion of part 2, indistinguishable from RAK cells for blinded staff."

CodeSystem: TrialStratumCS
Id: trial-stratum
Title: "Randomization stratum"
Description: "Strata of the stratified randomization in part 2: ECOG performance status at baseline (LOINC answers LA9622-7 and LA9623-5 describe the same grades)."
* insert TrialCodeSystem
* #ecog-0 "ECOG 0" "Fully active, able to carry on all pre-disease performance without restriction."
* #ecog-1 "ECOG 1" "Restricted in physically strenuous activity but ambulatory and able to carry out light work."

CodeSystem: TrialAttributionCS
Id: trial-ae-attribution
Title: "Adverse-event attribution"
Description: "Relatedness of an adverse event to a study intervention, on the five-point attribution scale used with CTCAE. The property 'related' marks the codes that count as treatment-related."
* insert TrialCodeSystem
* ^property[+].code = #related
* ^property[=].type = #boolean
* ^property[=].description = "True if the event counts as related to the intervention."
* #unrelated "Unrelated" "The adverse event is clearly not related to the intervention."
* #unrelated ^property[+].code = #related
* #unrelated ^property[=].valueBoolean = false
* #unlikely "Unlikely" "The adverse event is doubtfully related to the intervention."
* #unlikely ^property[+].code = #related
* #unlikely ^property[=].valueBoolean = false
* #possible "Possible" "The adverse event may be related to the intervention."
* #possible ^property[+].code = #related
* #possible ^property[=].valueBoolean = true
* #probable "Probable" "The adverse event is likely related to the intervention."
* #probable ^property[+].code = #related
* #probable ^property[=].valueBoolean = true
* #definite "Definite" "The adverse event is clearly related to the intervention."
* #definite ^property[+].code = #related
* #definite ^property[=].valueBoolean = true

CodeSystem: TrialObservationTypeCS
Id: trial-observation-type
Title: "Trial observation type"
Description: "Observation codes the IG needs and no established terminology offers. No LOINC code is established for a RECIST 1.1 overall response at one assessment (mCODE's disease status, LOINC 97509-4, is a clinician's judgement, not RECIST)."
* insert TrialCodeSystem
* #recist-overall-response "RECIST 1.1 overall response" "Overall response (target, non-target and new lesions combined) at one tumour assessment, by RECIST 1.1."
