Profile: TrialResearchStudy
Parent: ResearchStudy
Id: trial-research-study
Title: "Trial Research Study Profile"
Description: """
A trial, or one part of it. The parent program and each of its parts (part 1 dose escalation, part 2 randomized
comparison) are separate ResearchStudy resources; a part points to the program with `partOf`.
`arm.name` is the join key of arms: ResearchSubject.assignedArm/actualArm and dose levels refer to it.
Masking and allocation use the ClinicalTrials.gov vocabulary; endpoints, planned enrollment, dose levels, the
dose-escalation design, the target DLT rate and the DLT window are extensions.
"""
* obeys trial-rs-1 and trial-rs-2 and trial-rs-3 and trial-rs-4 and trial-rs-5
* insert BusinessIdentifier
* title 1..1 MS
* status MS
* phase 1..1 MS
* phase from $research-study-phase-vs (required)
* partOf MS
* partOf only Reference(TrialResearchStudy)
* partOf obeys trial-ref-research-study
* arm MS
* arm.name MS
* arm.name obeys trial-arm-code
* arm.type from TrialArmTypeVS (required)
* extension contains
    TrialMasking named masking 1..1 MS and
    TrialAllocation named allocation 1..1 MS and
    TrialRecruitment named recruitment 0..1 MS and
    TrialOutcomeMeasure named outcomeMeasure 0..* MS and
    TrialDoseLevel named doseLevel 0..* MS and
    TrialDoseEscalationDesign named doseEscalationDesign 0..1 MS and
    TrialTargetDltRate named targetDltRate 0..1 MS and
    TrialDltWindow named dltWindow 0..1 MS

Invariant: trial-rs-1
Description: "Arm names are unique within a study"
Expression: "arm.name.isDistinct()"
Severity: #error

Invariant: trial-rs-2
Description: "Dose-level ordinals are unique within a study"
Expression: "extension('http://trialfhir.org/fhir/StructureDefinition/trial-dose-level').extension('ordinal').value.isDistinct()"
Severity: #error

Invariant: trial-rs-3
Description: "A dose-escalation study (one with a dose-escalation design) has dose levels and a DLT window"
Expression: "extension('http://trialfhir.org/fhir/StructureDefinition/trial-dose-escalation-design').exists() implies (extension('http://trialfhir.org/fhir/StructureDefinition/trial-dose-level').exists() and extension('http://trialfhir.org/fhir/StructureDefinition/trial-dlt-window').exists())"
Severity: #error

Invariant: trial-rs-4
Description: "A BOIN design states its target DLT rate"
Expression: "extension('http://trialfhir.org/fhir/StructureDefinition/trial-dose-escalation-design').value.coding.where(code = 'boin').exists() implies extension('http://trialfhir.org/fhir/StructureDefinition/trial-target-dlt-rate').exists()"
Severity: #error

Invariant: trial-rs-5
Description: "The arm of a dose level is one of the study's arms"
Expression: "extension('http://trialfhir.org/fhir/StructureDefinition/trial-dose-level').extension('arm').value.all(%resource.arm.name contains $this)"
Severity: #error
