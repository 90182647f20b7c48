// Part 1 story: the dose-level-2 cohort of three; Zhang Wei has a dose-limiting toxicity in his first cycle, so under
// 3+3 (1 DLT in 3) the cohort is expanded to six before escalating.

Instance: patient-zhang-wei
InstanceOf: TrialPatient
Usage: #example
Title: "Zhang Wei"
Description: "A patient with metastatic gastric cancer, enrolled in part 1 (dose escalation)."
* insert PatientIdentifier(MRN-0042117)
* name.family = "Zhang"
* name.given = "Wei"
* gender = #male
* birthDate = "1961-08-14"

Instance: subject-zhang-wei-dose-level-2
InstanceOf: TrialResearchSubject
Usage: #example
Title: "Zhang Wei in part 1, dose level 2"
Description: "Zhang Wei's participation in part 1, treated at dose level 2 (arm DL2); the time origin is his first dose."
* insert DoseEscalationSubject(P1-004, patient-zhang-wei, 2025-03-03, DL2, 2)

Instance: patient-wang-fang
InstanceOf: TrialPatient
Usage: #example
Title: "Wang Fang"
Description: "A patient with metastatic gastric cancer in the dose-level-2 cohort of part 1."
* insert PatientIdentifier(MRN-0043980)
* name.family = "Wang"
* name.given = "Fang"
* gender = #female
* birthDate = "1966-05-02"

Instance: subject-wang-fang-dose-level-2
InstanceOf: TrialResearchSubject
Usage: #example
Title: "Wang Fang in part 1, dose level 2"
Description: "Wang Fang, second subject of the dose-level-2 cohort; no DLT in her DLT window."
* insert DoseEscalationSubject(P1-005, patient-wang-fang, 2025-03-05, DL2, 2)

Instance: patient-liu-yang
InstanceOf: TrialPatient
Usage: #example
Title: "Liu Yang"
Description: "A patient with recurrent gastric cancer in the dose-level-2 cohort of part 1."
* insert PatientIdentifier(MRN-0044512)
* name.family = "Liu"
* name.given = "Yang"
* gender = #male
* birthDate = "1970-11-19"

Instance: subject-liu-yang-dose-level-2
InstanceOf: TrialResearchSubject
Usage: #example
Title: "Liu Yang in part 1, dose level 2"
Description: "Liu Yang, third subject of the dose-level-2 cohort; no DLT in his DLT window."
* insert DoseEscalationSubject(P1-006, patient-liu-yang, 2025-03-10, DL2, 2)

Instance: bsa-zhang-wei-screening
InstanceOf: TrialBodySurfaceArea
Usage: #example
Title: "Zhang Wei's body surface area at screening"
Description: "Body surface area 1.70 m² measured at screening; TAS-102 is dosed from it (35 mg/m² gives 59.5 mg, 60 mg in whole tablets)."
* status = #final
* category = $OBS-CATEGORY#vital-signs
* subject = Reference(patient-zhang-wei)
* effectiveDateTime = "2025-02-27"
* valueQuantity = 1.70 'm2' "m2"

Instance: rak-infusion-zhang-wei-cycle-1
InstanceOf: TrialMedicationAdministration
Usage: #example
Title: "Zhang Wei's first RAK-cell infusion"
Description: "RAK cells 3 x 10^9 cells (dose level 2) on day 1 of cycle 1, open label in part 1."
* status = #completed
* medicationCodeableConcept = TrialStudyProductCS#rak-cells "RAK cells"
* subject = Reference(patient-zhang-wei)
* effectiveDateTime = "2025-03-03T10:30:00+08:00"
* dosage.dose = 3 '10*9' "x10^9 cells"
* dosage.text = "RAK cells 3 x 10^9 cells, intravenous infusion"
* insert TreatmentCycle(1, 1)

Instance: tas-102-zhang-wei-cycle-1-day-1
InstanceOf: TrialMedicationAdministration
Usage: #example
Title: "Zhang Wei's first TAS-102 dose"
Description: "TAS-102 60 mg (35 mg/m² x 1.70 m², rounded to whole tablets), morning dose of day 1 of cycle 1."
* status = #completed
* medicationCodeableConcept = TrialStudyProductCS#tas-102 "TAS-102 (trifluridine/tipiracil)"
* subject = Reference(patient-zhang-wei)
* effectiveDateTime = "2025-03-03T08:00:00+08:00"
* dosage.dose = 60 'mg' "mg"
* dosage.text = "35 mg/m² orally twice daily"
* dosage.extension[bodySurfaceArea].valueQuantity = 1.70 'm2' "m2"
* insert TreatmentCycle(1, 1)

Instance: dlt-febrile-neutropenia-zhang-wei
InstanceOf: TrialAdverseEvent
Usage: #example
Title: "Zhang Wei's dose-limiting febrile neutropenia"
Description: "Grade 3 febrile neutropenia on day 10 of cycle 1, within the 21-day DLT window: serious (hospitalization), judged dose-limiting, probably related to TAS-102 and possibly to RAK cells."
* subject = Reference(patient-zhang-wei)
* study = Reference(rak-part-1-dose-escalation)
* event = $MEDDRA#10016288 "Febrile neutropenia"
* seriousness = $AE-SERIOUSNESS#Serious "Serious"
* outcome = $AE-OUTCOME#resolved
* date = "2025-03-12"
* extension[grade].valueCodeableConcept = $NCIT#C41340 "Grade 3 Severe Adverse Event"
* extension[dlt].valueBoolean = true
* insert Attribution(tas-102-zhang-wei-cycle-1-day-1, probable)
* insert Attribution(rak-infusion-zhang-wei-cycle-1, possible)
