Profile: TrialResearchSubject
Parent: ResearchSubject
Id: trial-research-subject
Title: "Trial Research Subject Profile"
Description: """
A Patient's participation in one part of the trial. `period.start` is the time origin of every endpoint: the
randomization date in the randomized part, the date of the first dose in the dose-escalation part.
`assignedArm`/`actualArm` hold an `arm.name` of the study and are masked for blinded users. The randomization stratum
and, in dose escalation, the dose level are extensions; an emergency unblinding ($unblind) leaves an
`emergencyUnblinding` record that only the server writes.
"""
* obeys trial-subj-1
* insert BusinessIdentifier
* status MS
* period 1..1 MS
* period.start 1..1 MS
* period.start ^short = "Time origin: randomization date (part 2) or first dose date (part 1)"
* study MS
* study only Reference(TrialResearchStudy)
* study obeys trial-ref-research-study
* individual MS
* individual only Reference(TrialPatient)
* individual obeys trial-ref-patient
* assignedArm MS
* assignedArm obeys trial-arm-code
* actualArm MS
* actualArm obeys trial-arm-code
* extension contains
    TrialStratum named stratum 0..1 MS and
    TrialSubjectDoseLevel named doseLevel 0..1 MS and
    TrialEmergencyUnblinding named emergencyUnblinding 0..* MS

Invariant: trial-subj-1
Description: "An actual arm is recorded only with an assigned arm"
Expression: "actualArm.exists() implies assignedArm.exists()"
Severity: #error
