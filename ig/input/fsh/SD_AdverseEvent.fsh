Profile: TrialAdverseEvent
Parent: AdverseEvent
Id: trial-adverse-event
Title: "Trial Adverse Event Profile"
Description: """
An adverse event of a trial subject, aligned with HL7's AE Clinical Research backport IG: a MedDRA (CTCAE) term,
the CTCAE grade 1-5 as NCI Thesaurus codes, seriousness, onset date (`date`), attribution to the study intervention
(`suspectEntity.causality.assessment`) and, in dose escalation, whether it is dose-limiting. `subject` is the Patient,
`study` the part of the trial.
"""
* obeys trial-ae-1 and trial-ae-2
* actuality = #actual
* subject MS
* subject only Reference(TrialPatient)
* subject obeys trial-ref-patient
* event 1..1 MS
* event from TrialAdverseEventTermVS (extensible)
* event ^short = "MedDRA (CTCAE) term"
* seriousness 1..1 MS
* seriousness from $ae-seriousness-vs (required)
* date 1..1 MS
* date ^short = "Onset date"
* study 1..1 MS
* study only Reference(TrialResearchStudy)
* study obeys trial-ref-research-study
* suspectEntity 1..* MS
* suspectEntity.instance only Reference(TrialMedicationAdministration or Medication or Substance or Procedure)
* suspectEntity.causality 1..* MS
* suspectEntity.causality.assessment 1..1 MS
* suspectEntity.causality.assessment from TrialAttributionVS (required)
* suspectEntity.causality.assessment ^short = "Attribution (unrelated | unlikely | possible | probable | definite)"
* extension contains
    TrialAdverseEventGrade named grade 1..1 MS and
    TrialDoseLimitingToxicity named dlt 0..1 MS

Invariant: trial-ae-1
Description: "The event term is coded in MedDRA"
Expression: "event.exists() implies event.coding.where(system = 'https://www.meddra.org' and code.exists()).exists()"
Severity: #error

Invariant: trial-ae-2
Description: "A grade 5 (fatal) adverse event is serious"
Expression: "extension('http://trialfhir.org/fhir/StructureDefinition/trial-ae-grade').value.coding.where(code = 'C48275').exists() implies seriousness.coding.where(code = 'Serious').exists()"
Severity: #error
