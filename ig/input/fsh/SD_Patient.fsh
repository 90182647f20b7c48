Profile: TrialPatient
Parent: Patient
Id: trial-patient
Title: "Trial Patient Profile"
Description: """
A patient as the hospital EHR knows it. Clinical data (observations, administrations, adverse events) refer to the
Patient; the study link is the ResearchSubject. A business identifier is required so that re-sent messages match
(conditional create/update). Death is recorded as `deceasedDateTime` (the date is the OS event); a bare
`deceasedBoolean` is not accepted because it carries no date.
"""
* insert BusinessIdentifier
* deceased[x] MS
* deceased[x] only dateTime
* deceased[x] ^short = "Date of death (the OS event)"
