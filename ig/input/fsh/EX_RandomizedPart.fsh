// Part 2 story: a randomized subject with tumour assessments, a grade-3 adverse event, progression and death.

Instance: patient-li-na
InstanceOf: TrialPatient
Usage: #example
Title: "Li Na"
Description: "A patient with recurrent gastric cancer, randomized in part 2; she died in November 2025 (the OS event)."
* insert PatientIdentifier(MRN-0057730)
* name.family = "Li"
* name.given = "Na"
* gender = #female
* birthDate = "1958-01-23"
* deceasedDateTime = "2025-11-20"

Instance: subject-li-na-randomized
InstanceOf: TrialResearchSubject
Usage: #example
Title: "Li Na in part 2"
Description: "Li Na's participation in part 2: randomized on 2025-04-07 (the time origin) in stratum ECOG 1 to arm RAK (masked for blinded users); off study after her death."
* insert SubjectIdentifier(P2-031)
* status = #off-study
* period.start = "2025-04-07"
* period.end = "2025-11-20"
* study = Reference(rak-part-2-randomized)
* individual = Reference(patient-li-na)
* assignedArm = "RAK"
* actualArm = "RAK"
* extension[stratum].valueCodeableConcept = TrialStratumCS#ecog-1 "ECOG 1"

Instance: bsa-li-na-screening
InstanceOf: TrialBodySurfaceArea
Usage: #example
Title: "Li Na's body surface area at screening"
Description: "Body surface area 1.62 m² at screening (35 mg/m² gives 56.7 mg, 55 mg in whole tablets)."
* status = #final
* category = $OBS-CATEGORY#vital-signs
* subject = Reference(patient-li-na)
* effectiveDateTime = "2025-04-03"
* valueQuantity = 1.62 'm2' "m2"

Instance: tas-102-li-na-cycle-1-day-1
InstanceOf: TrialMedicationAdministration
Usage: #example
Title: "Li Na's first TAS-102 dose"
Description: "TAS-102 55 mg (35 mg/m² x 1.62 m², rounded to whole tablets), morning dose of day 1 of cycle 1."
* status = #completed
* medicationCodeableConcept = TrialStudyProductCS#tas-102 "TAS-102 (trifluridine/tipiracil)"
* subject = Reference(patient-li-na)
* effectiveDateTime = "2025-04-08T08:00:00+08:00"
* dosage.dose = 55 'mg' "mg"
* dosage.text = "35 mg/m² orally twice daily"
* dosage.extension[bodySurfaceArea].valueQuantity = 1.62 'm2' "m2"
* insert TreatmentCycle(1, 1)

Instance: study-cell-infusion-li-na-cycle-1
InstanceOf: TrialMedicationAdministration
Usage: #example
Title: "Li Na's first study cell infusion"
Description: "The study cell product (RAK cells in her arm; shown as 'study-cell-product' to blinded users) on day 1 of cycle 1. The dose is recorded as infusion volume, the same in both arms, so that it does not unblind."
* status = #completed
* medicationCodeableConcept = TrialStudyProductCS#rak-cells "RAK cells"
* subject = Reference(patient-li-na)
* effectiveDateTime = "2025-04-08T10:30:00+08:00"
* dosage.dose = 100 'mL' "mL"
* insert TreatmentCycle(1, 1)

Instance: tumor-response-li-na-2025-05-19
InstanceOf: TrialTumorResponse
Usage: #example
Title: "Li Na: partial response at week 6"
Description: "First on-treatment tumour assessment (day 42): RECIST 1.1 partial response."
* status = #final
* subject = Reference(patient-li-na)
* effectiveDateTime = "2025-05-19"
* valueCodeableConcept = $NCIT#C18058 "Partial Response"

Instance: tumor-response-li-na-2025-06-30
InstanceOf: TrialTumorResponse
Usage: #example
Title: "Li Na: stable disease at week 12"
Description: "Second tumour assessment (day 84): RECIST 1.1 stable disease; the partial response was not confirmed."
* status = #final
* subject = Reference(patient-li-na)
* effectiveDateTime = "2025-06-30"
* valueCodeableConcept = $NCIT#C18213 "Stable Disease"

Instance: tumor-response-li-na-2025-09-01
InstanceOf: TrialTumorResponse
Usage: #example
Title: "Li Na: progressive disease"
Description: "Tumour assessment on day 147: RECIST 1.1 progressive disease, the PFS and TTP event."
* status = #final
* subject = Reference(patient-li-na)
* effectiveDateTime = "2025-09-01"
* valueCodeableConcept = $NCIT#C35571 "Progressive Disease"

Instance: ae-li-na-alt-increased-grade-3
InstanceOf: TrialAdverseEvent
Usage: #example
Title: "Li Na: grade 3 ALT increase"
Description: "Grade 3 alanine aminotransferase increase in cycle 2, not serious, possibly related to TAS-102; resolved after a dose hold."
* subject = Reference(patient-li-na)
* study = Reference(rak-part-2-randomized)
* event = $MEDDRA#10001551 "Alanine aminotransferase increased"
* seriousness = $AE-SERIOUSNESS#Non-serious "Non-serious"
* outcome = $AE-OUTCOME#resolved
* date = "2025-05-02"
* extension[grade].valueCodeableConcept = $NCIT#C41340 "Grade 3 Severe Adverse Event"
* insert Attribution(tas-102-li-na-cycle-1-day-1, possible)
