Profile: TrialMedicationAdministration
Parent: MedicationAdministration
Id: trial-medication-administration
Title: "Trial Medication Administration Profile"
Description: """
One administration of TAS-102 (trifluridine/tipiracil, orally 35 mg/m² twice daily on days 1-5 of 3-week cycles) or of
the study cell product (RAK cells or control; masked as 'study-cell-product' for blinded users), with dose, cycle and
day. `subject` is the Patient.

What is checked inside the resource: the product code, a positive dose with a UCUM unit, TAS-102 in mg, and, when
the dosing body surface area is carried (extension on `dosage`), a TAS-102 dose between 20 and 35 mg/m² × BSA
(the protocol dose and its reductions to 30, 25 and 20 mg/m²) with 2.5 mg allowance for rounding to whole tablets.
What needs other resources is left to the server: that the BSA matches the patient's latest TrialBodySurfaceArea,
twice-daily dosing, and days 1-5 (a TAS-102 dose on another cycle day is only warned about here).
"""
* obeys trial-ma-1 and trial-ma-2 and trial-ma-3
* status MS
* medication[x] MS
* medication[x] only CodeableConcept
* medicationCodeableConcept from TrialStudyProductVS (required)
* subject MS
* subject only Reference(TrialPatient)
* subject obeys trial-ref-patient
* effective[x] MS
* dosage 1..1 MS
* dosage.dose 1..1 MS
* dosage.dose.value 1..1
* dosage.dose obeys trial-quantity-positive-ucum
* dosage.extension contains TrialDosingBodySurfaceArea named bodySurfaceArea 0..1 MS
* extension contains TrialTreatmentCycle named treatmentCycle 1..1 MS

Invariant: trial-ma-1
Description: "A TAS-102 dose is in mg"
Expression: "(medication.coding.where(system = 'http://trialfhir.org/fhir/CodeSystem/trial-study-product' and code = 'tas-102').exists() and dosage.dose.exists()) implies dosage.dose.code = 'mg'"
Severity: #error

Invariant: trial-ma-2
Description: "A TAS-102 dose lies between 20 and 35 mg/m² times the dosing body surface area (protocol dose and its reductions), ± 2.5 mg for rounding to whole tablets"
Expression: "(medication.coding.where(system = 'http://trialfhir.org/fhir/CodeSystem/trial-study-product' and code = 'tas-102').exists() and dosage.dose.value.exists() and dosage.extension('http://trialfhir.org/fhir/StructureDefinition/trial-dosing-body-surface-area').value.value.exists()) implies (dosage.dose.value <= 35 * dosage.extension('http://trialfhir.org/fhir/StructureDefinition/trial-dosing-body-surface-area').value.value + 2.5 and dosage.dose.value >= 20 * dosage.extension('http://trialfhir.org/fhir/StructureDefinition/trial-dosing-body-surface-area').value.value - 2.5)"
Severity: #error

Invariant: trial-ma-3
Description: "TAS-102 is given on days 1-5 of a cycle (protocol deviation otherwise)"
Expression: "(medication.coding.where(system = 'http://trialfhir.org/fhir/CodeSystem/trial-study-product' and code = 'tas-102').exists() and extension('http://trialfhir.org/fhir/StructureDefinition/trial-treatment-cycle').extension('day').value.exists()) implies extension('http://trialfhir.org/fhir/StructureDefinition/trial-treatment-cycle').extension('day').value <= 5"
Severity: #warning
