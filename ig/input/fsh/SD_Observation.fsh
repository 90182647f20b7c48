Profile: TrialTumorResponse
Parent: Observation
Id: trial-tumor-response
Title: "Trial Tumor Response Profile"
Description: """
RECIST 1.1 overall response at one tumour assessment: CR, PR, SD, PD or NE as NCI Thesaurus codes,
`effectiveDateTime` = assessment date, `subject` = Patient. Not to be confused with mCODE's CancerDiseaseStatus
(LOINC 97509-4), a clinician's judgement of the disease trend; the two may be mapped, not merged.
"""
* status MS
* code MS
* code = TrialObservationTypeCS#recist-overall-response
* subject 1..1 MS
* subject only Reference(TrialPatient)
* subject obeys trial-ref-patient
* effective[x] 1..1 MS
* effective[x] only dateTime
* effective[x] ^short = "Assessment date"
* value[x] 1..1 MS
* value[x] only CodeableConcept
* valueCodeableConcept from TrialRecistResponseVS (required)
* dataAbsentReason 0..0

Profile: TrialBodySurfaceArea
Parent: Observation
Id: trial-body-surface-area
Title: "Trial Body Surface Area Profile"
Description: "Body surface area (LOINC 8277-6) in m², used to check TAS-102 doses (35 mg/m² twice daily)."
* status MS
* code MS
* code = $LOINC#8277-6
* subject 1..1 MS
* subject only Reference(TrialPatient)
* subject obeys trial-ref-patient
* effective[x] 1..1 MS
* effective[x] only dateTime
* value[x] 1..1 MS
* value[x] only Quantity
* valueQuantity obeys trial-bsa-range
* dataAbsentReason 0..0
