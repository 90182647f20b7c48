// Extensions of the IG. R5 added ResearchStudy.outcomeMeasure and ResearchStudy.recruitment; the official R5-for-R4
// cross-version extensions (package hl7.fhir.uv.xver-r5.r4) cannot be installed in this build, so those elements are
// carried by extensions under the IG's own canonical that mirror the R5 element (named in each description).

// ---------------------------------------------------------------- ResearchStudy

Extension: TrialMasking
Id: trial-masking
Title: "Masking"
Description: "Who is masked in the study (ClinicalTrials.gov vocabulary). R4 has no element for it; R5 expresses it through ResearchStudy.studyDesign."
* insert ExtensionContext(ResearchStudy)
* insert RequiredValue(CodeableConcept)
* valueCodeableConcept from TrialMaskingVS (required)

Extension: TrialAllocation
Id: trial-allocation
Title: "Allocation"
Description: "How participants are assigned to arms (ClinicalTrials.gov vocabulary). R4 has no element for it; R5 expresses it through ResearchStudy.studyDesign."
* insert ExtensionContext(ResearchStudy)
* insert RequiredValue(CodeableConcept)
* valueCodeableConcept from TrialAllocationVS (required)

Extension: TrialOutcomeMeasure
Id: trial-outcome-measure
Title: "Outcome measure"
Description: "One endpoint of the study: what is measured, whether it is primary or secondary, and over which time frame. Mirrors R5 ResearchStudy.outcomeMeasure (name, type, description; official cross-version URL http://hl7.org/fhir/5.0/StructureDefinition/extension-ResearchStudy.outcomeMeasure) and adds the endpoint code and the registry's time frame."
* insert ExtensionContext(ResearchStudy)
* extension contains
    endpoint 1..1 and
    type 1..1 and
    timeFrame 1..1 and
    description 0..1
* insert SubExtension(endpoint, CodeableConcept, [[Endpoint code (OS, PFS, TTP, ORR, AE, MTD)]])
* extension[endpoint].valueCodeableConcept from TrialEndpointVS (required)
* insert SubExtension(type, CodeableConcept, primary | secondary | exploratory)
* extension[type].valueCodeableConcept from $objective-type-vs (required)
* insert SubExtension(timeFrame, Duration, Time frame over which the endpoint is assessed)
* extension[timeFrame].valueDuration obeys trial-duration-ucum
* insert SubExtension(description, markdown, The outcome measure as the registry words it)

Extension: TrialRecruitment
Id: trial-recruitment
Title: "Recruitment"
Description: "Planned (and actual) number of participants. Mirrors R5 ResearchStudy.recruitment.targetNumber and .actualNumber (official cross-version URL http://hl7.org/fhir/5.0/StructureDefinition/extension-ResearchStudy.recruitment). R4's ResearchStudy.enrollment is a reference to a Group, not a number."
* insert ExtensionContext(ResearchStudy)
* extension contains
    targetNumber 1..1 and
    actualNumber 0..1
* insert SubExtension(targetNumber, unsignedInt, Planned enrollment)
* insert SubExtension(actualNumber, unsignedInt, Actual enrollment)

Extension: TrialDoseLevel
Id: trial-dose-level
Title: "Dose level"
Description: "One dose level of a dose-escalation study: its ordinal (1 = lowest), the dose given per administration, and the arm that treats it. R5 would express a dose level as a ResearchStudy.comparisonGroup with an intendedExposure."
* insert ExtensionContext(ResearchStudy)
* extension contains
    ordinal 1..1 and
    dose 1..1 and
    arm 0..1
* insert SubExtension(ordinal, positiveInt, [[Position of the dose level (1 = lowest)]])
* insert SubExtension(dose, Quantity, [[Dose per administration (UCUM unit)]])
* extension[dose].valueQuantity obeys trial-quantity-positive-ucum
* insert SubExtension(arm, string, ResearchStudy.arm.name of the arm treating this dose level)

Extension: TrialDoseEscalationDesign
Id: trial-dose-escalation-design
Title: "Dose-escalation design"
Description: "The rule deciding the next dose level (3+3 or BOIN)."
* insert ExtensionContext(ResearchStudy)
* insert RequiredValue(CodeableConcept)
* valueCodeableConcept from TrialDoseEscalationDesignVS (required)

Extension: TrialTargetDltRate
Id: trial-target-dlt-rate
Title: "Target DLT rate"
Description: "The target probability of a dose-limiting toxicity at the MTD (for example 0.30); required by BOIN, used by the isotonic MTD estimate."
* insert ExtensionContext(ResearchStudy)
* insert RequiredValue(decimal)
* value[x] obeys trial-probability

Extension: TrialDltWindow
Id: trial-dlt-window
Title: "DLT window"
Description: "How long after a subject's first dose at a dose level an adverse event can count as dose-limiting (for example 21 days)."
* insert ExtensionContext(ResearchStudy)
* insert RequiredValue(Duration)
* valueDuration obeys trial-duration-ucum

// ---------------------------------------------------------------- ResearchSubject

Extension: TrialStratum
Id: trial-stratum
Title: "Randomization stratum"
Description: "The stratum the subject was randomized in (ECOG performance status 0 or 1)."
* insert ExtensionContext(ResearchSubject)
* insert RequiredValue(CodeableConcept)
* valueCodeableConcept from TrialStratumVS (required)

Extension: TrialSubjectDoseLevel
Id: trial-subject-dose-level
Title: "Subject dose level"
Description: "The dose level (ordinal of a trial-dose-level of the study) a dose-escalation subject is treated at."
* insert ExtensionContext(ResearchSubject)
* insert RequiredValue(positiveInt)

Extension: TrialEmergencyUnblinding
Id: trial-emergency-unblinding
Title: "Emergency unblinding"
Description: "Records that the subject's arm was revealed to one user by the $unblind operation: when, and the trial role of the user. Written by the server only; visible to every role. It does not carry the arm (that went to the unblinding user only) nor the reason (kept in the AuditEvent the operation returned)."
* insert ExtensionContext(ResearchSubject)
* extension contains
    date 1..1 and
    role 1..1
* insert SubExtension(date, dateTime, [[When the subject was unblinded]])
* insert SubExtension(role, Coding, [[Trial role of the user who unblinded the subject]])
* extension[role].valueCoding from TrialRoleVS (required)

// ---------------------------------------------------------------- AdverseEvent

Extension: TrialAdverseEventGrade
Id: trial-ae-grade
Title: "CTCAE grade"
Description: "CTCAE grade (1-5) of the adverse event, as NCI Thesaurus codes. Mirrors the ae-grade extension of HL7's AE Clinical Research backport IG (http://hl7.org/fhir/uv/ae-research-backport-ig/StructureDefinition/ae-grade), whose package cannot be installed in this build; the codes are the same, the binding is required."
* insert ExtensionContext(AdverseEvent)
* insert RequiredValue(CodeableConcept)
* valueCodeableConcept from TrialCtcaeGradeVS (required)

Extension: TrialDoseLimitingToxicity
Id: trial-dlt
Title: "Dose-limiting toxicity"
Description: "True if the investigator judged the adverse event dose-limiting per protocol (dose-escalation part)."
* insert ExtensionContext(AdverseEvent)
* insert RequiredValue(boolean)

// ---------------------------------------------------------------- MedicationAdministration

Extension: TrialTreatmentCycle
Id: trial-treatment-cycle
Title: "Treatment cycle"
Description: "Cycle number and day within the cycle of an administration (TAS-102: days 1-5 of 3-week cycles)."
* insert ExtensionContext(MedicationAdministration)
* extension contains
    cycle 1..1 and
    day 1..1
* insert SubExtension(cycle, positiveInt, [[Cycle number (1 = first cycle)]])
* insert SubExtension(day, positiveInt, [[Day within the cycle (1 = first day)]])

Extension: TrialDosingBodySurfaceArea
Id: trial-dosing-body-surface-area
Title: "Dosing body surface area"
Description: "The body surface area (m²) the dose was calculated from, copied from the TrialBodySurfaceArea observation used; lets the dose be checked against the protocol inside the resource."
* insert ExtensionContext(MedicationAdministration.dosage)
* insert RequiredValue(Quantity)
* valueQuantity obeys trial-bsa-range

// ---------------------------------------------------------------- shared invariants

Invariant: trial-duration-ucum
Description: "A duration is positive and in UCUM days, weeks, months or years"
Expression: "value > 0 and system = 'http://unitsofmeasure.org' and (code = 'd' or code = 'wk' or code = 'mo' or code = 'a')"
Severity: #error

Invariant: trial-quantity-positive-ucum
Description: "A dose is positive and has a UCUM unit"
Expression: "value > 0 and system = 'http://unitsofmeasure.org' and code.exists()"
Severity: #error

Invariant: trial-probability
Description: "A rate lies strictly between 0 and 1"
Expression: "$this > 0 and $this < 1"
Severity: #error

Invariant: trial-bsa-range
Description: "A body surface area is in UCUM m2 and between 0.3 and 3.5 m2"
Expression: "system = 'http://unitsofmeasure.org' and code = 'm2' and value >= 0.3 and value <= 3.5"
Severity: #error

Invariant: trial-arm-code
Description: "An arm name (the join key of arms) is 1-32 upper-case letters, digits or hyphens, starting with a letter"
Expression: "matches('^[A-Z][A-Z0-9-]{0,31}$')"
Severity: #error

// Reference target types. The validator checks a reference's type only when it can resolve the target, which a
// validator without server access cannot; these invariants check the literal reference instead (relative, absolute,
// versioned or conditional), and let through bundle-internal (urn:) and contained (#) references.

Invariant: trial-ref-patient
Description: "The reference points to a Patient"
Expression: "(reference.exists() implies (reference.startsWith('#') or reference.startsWith('urn:') or reference.startsWith('Patient?') or reference.matches('^(.*/)?Patient/[^/]+(/_history/[^/]+)?$'))) and (type.exists() implies type = 'Patient')"
Severity: #error

Invariant: trial-ref-research-study
Description: "The reference points to a ResearchStudy"
Expression: "(reference.exists() implies (reference.startsWith('#') or reference.startsWith('urn:') or reference.startsWith('ResearchStudy?') or reference.matches('^(.*/)?ResearchStudy/[^/]+(/_history/[^/]+)?$'))) and (type.exists() implies type = 'ResearchStudy')"
Severity: #error
