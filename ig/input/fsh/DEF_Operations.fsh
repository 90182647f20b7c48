// Operations of the TrialFHIR server. All are invoked on one resource instance; read-only ones (affectsState = false)
// may be called with GET. For blinded users every result is pooled over arms (never per arm), except $unblind.

RuleSet: CutoffParam
* insert OpParam(in, cutoff, 0, 1, date, [[Data cut-off date (default: today). Data dated after it are ignored: deaths, assessments, administrations, adverse events, encounters.]])

RuleSet: AnalysisCounts
* insert OpParam(out, subjects, 1, 1, integer, [[How many subjects the result is computed from (randomized subjects enrolled by the cut-off; for the adverse-event summary the treated ones; for CONSORT all enrolled).]])
* insert OpParam(out, resources, 1, 1, integer, [[How many resources those subjects' endpoint facts were derived from (ResearchSubject, Patient and the patient's dated resources up to the cut-off).]])

RuleSet: DerivationCommon
* insert OpParam(out, cutoff, 1, 1, date, [[The data cut-off date used.]])
* insert OpParam(out, pooled, 1, 1, boolean, [[True if the result is pooled over arms because the caller is blinded; the `arm` parts then carry the single name POOLED.]])

Instance: trial-researchstudy-survival
InstanceOf: OperationDefinition
Usage: #definition
Title: "ResearchStudy $survival"
Description: "Kaplan-Meier, log-rank and Cox analysis of a time-to-event endpoint (OS, PFS or TTP) of a randomized study part."
* url = "http://trialfhir.org/fhir/OperationDefinition/trial-researchstudy-survival"
* name = "TrialSurvival"
* title = "Time-to-event analysis of one endpoint"
* insert TrialOperation(survival, ResearchStudy, false)
* description = """
Time-to-event analysis of OS, PFS or TTP for the subjects of this study, per arm: Kaplan-Meier table with Greenwood
standard errors, median survival with 95% CI (log or log-log transform), S(horizon) with CI, restricted mean survival
time (RMST) to the horizon, log-rank test (stratified by randomization stratum on request) and the Cox hazard ratio
with 95% CI (Efron ties; Breslow on request; stratified on request). With `_format=svg` (or `image/svg+xml`) or `png` (or
`image/png`) the result is the Kaplan-Meier plot instead of Parameters: step curves per arm (one pooled curve for
blinded callers), censor ticks, optional confidence bands, numbers at risk under the time axis, medians, and the hazard
ratio and log-rank p in the legend.

Derivation (whole days from the origin = ResearchSubject.period.start; nothing after `cutoff` counts):
- Last known alive = latest date <= cutoff among the patient's Observations, MedicationAdministrations, AdverseEvents
  and Encounters.
- An assessment on day 0 is baseline; "after origin" means day >= 1. Adequate assessments are CR, PR, SD and PD (not NE).
- OS: event = death (Patient.deceasedDateTime) <= cutoff; otherwise censored at last known alive.
- PFS: event = the earlier of the first PD after origin and death <= cutoff; otherwise censored at the last adequate
  assessment after origin, or at day 0 if there is none (no assessment, or only NE).
- TTP: event = the first PD after origin; death without PD is censored at the last adequate assessment after origin
  (day 0 if none).
- Dates are calendar days as written; data dated before the origin count as day 0. Resources entered in error (and
  administrations not done) carry no data. Subjects randomized after the cut-off are not analysed.
Analyses are by intention to treat (assignedArm). The hazard ratio compares the first EXPERIMENTAL arm with the next
arm of the study.
"""
* insert OpParam(in, endpoint, 1, 1, code, [[OS | PFS | TTP.]])
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = Canonical(TrialSurvivalEndpointVS)
* insert CutoffParam
* insert OpParam(in, horizon, 0, 1, integer, [[Horizon in days for S(horizon) and RMST (default: the endpoint's time frame, 365 days).]])
* insert OpParam(in, stratified, 0, 1, boolean, [[Stratify the log-rank test and the Cox model by randomization stratum (default false).]])
* insert OpParam(in, ties, 0, 1, code, [[Tie handling of the Cox model: efron (default) | breslow.]])
* insert OpParam(in, ciTransform, 0, 1, code, [[Confidence-interval transform for medians and S(horizon): log (default) | log-log.]])
* insert OpParam(in, confidenceBands, 0, 1, boolean, [[With a plot format (`_format=svg` or `png`): shade the pointwise 95% confidence bands (default false).]])
* insert OpParam(out, endpoint, 1, 1, code, [[The endpoint analysed.]])
* insert DerivationCommon
* insert AnalysisCounts
* insert OpParam(out, horizon, 1, 1, integer, [[The horizon used, in days.]])
* insert OpGroup(out, arm, 1, *, [[One group per arm (per arm.name), or one pooled group for blinded callers.]])
* insert OpPart(out, name, 1, 1, string, [[arm.name, or POOLED.]])
* insert OpPart(out, subjects, 1, 1, integer, [[Number of subjects.]])
* insert OpPart(out, events, 1, 1, integer, [[Number of events.]])
* insert OpPart(out, censored, 1, 1, integer, [[Number of censored subjects.]])
* insert OpPart(out, median, 0, 1, decimal, [[Median time to event in days (absent if not reached).]])
* insert OpPart(out, medianLower, 0, 1, decimal, [[Lower 95% confidence limit of the median.]])
* insert OpPart(out, medianUpper, 0, 1, decimal, [[Upper 95% confidence limit of the median (absent if not reached).]])
* insert OpPart(out, survivalAtHorizon, 0, 1, decimal, [[Kaplan-Meier S(horizon); absent when the arm's follow-up ends before the horizon with S > 0.]])
* insert OpPart(out, survivalAtHorizonLower, 0, 1, decimal, [[Lower 95% confidence limit of S(horizon) (absent where undefined).]])
* insert OpPart(out, survivalAtHorizonUpper, 0, 1, decimal, [[Upper 95% confidence limit of S(horizon) (absent where undefined).]])
* insert OpPart(out, rmst, 1, 1, decimal, [[Restricted mean survival time to the horizon, in days.]])
* insert OpPart(out, rmstStdErr, 1, 1, decimal, [[Standard error of the RMST.]])
* insert OpPart(out, step, 0, *, string, [[One row of the Kaplan-Meier table as 'time;atRisk;events;censored;survival;stdErr;lower;upper'.]])
* insert OpGroup(out, logRank, 0, 1, [[Log-rank test between arms (absent for blinded callers).]])
* insert OpPart(out, chiSquare, 1, 1, decimal, [[Test statistic.]])
* insert OpPart(out, degreesOfFreedom, 1, 1, integer, [[Degrees of freedom.]])
* insert OpPart(out, pValue, 1, 1, decimal, [[p-value.]])
* insert OpPart(out, stratified, 1, 1, boolean, [[True if stratified by randomization stratum.]])
* insert OpGroup(out, hazardRatio, 0, 1, [[Cox proportional-hazards estimate (absent for blinded callers).]])
* insert OpPart(out, comparison, 1, 1, string, [[Experimental arm versus reference arm, e.g. 'RAK vs CONTROL'.]])
* insert OpPart(out, estimate, 1, 1, decimal, [[Hazard ratio.]])
* insert OpPart(out, lower, 1, 1, decimal, [[Lower 95% confidence limit.]])
* insert OpPart(out, upper, 1, 1, decimal, [[Upper 95% confidence limit.]])
* insert OpPart(out, pValue, 1, 1, decimal, [[Wald test p-value.]])
* insert OpPart(out, ties, 1, 1, code, [[efron | breslow.]])
* insert OpPart(out, stratified, 1, 1, boolean, [[True if stratified by randomization stratum.]])
* insert OpParam(out, note, 0, *, string, [[Why the log-rank test or the hazard ratio is absent for an unblinded caller (e.g. no events).]])

Instance: trial-researchstudy-response-rate
InstanceOf: OperationDefinition
Usage: #definition
Title: "ResearchStudy $response-rate"
Description: "Objective response rate (ORR) and disease control rate (DCR) per arm, with exact CIs, difference and Fisher test."
* url = "http://trialfhir.org/fhir/OperationDefinition/trial-researchstudy-response-rate"
* name = "TrialResponseRate"
* title = "Objective response and disease control rates"
* insert TrialOperation(response-rate, ResearchStudy, false)
* description = """
ORR and DCR per arm with exact (Clopper-Pearson) 95% CIs, the difference between arms and Fisher's exact test.

Derivation: the best overall response (CR > PR > SD > PD > NE) over RECIST assessments after origin (day >= 1), up to
and including the first PD, dated <= cutoff. Responders are CR or PR (confirmation is not required in a randomized
trial; confirmed responses are reported separately). DCR adds SD. The denominator is every randomized subject
(intention to treat): a subject without an assessment counts as NE, a non-responder. Assessments dated the same day
as the first PD count towards the best response. The difference between arms has a Newcombe hybrid-score 95% CI.
"""
* insert CutoffParam
* insert DerivationCommon
* insert AnalysisCounts
* insert OpGroup(out, arm, 1, *, [[One group per arm, or one pooled group for blinded callers.]])
* insert OpPart(out, name, 1, 1, string, [[arm.name, or POOLED.]])
* insert OpPart(out, subjects, 1, 1, integer, [[Randomized subjects (denominator).]])
* insert OpPart(out, responders, 1, 1, integer, [[Subjects with best response CR or PR.]])
* insert OpPart(out, orr, 1, 1, decimal, [[Objective response rate.]])
* insert OpPart(out, orrLower, 1, 1, decimal, [[Lower exact 95% confidence limit of the ORR.]])
* insert OpPart(out, orrUpper, 1, 1, decimal, [[Upper exact 95% confidence limit of the ORR.]])
* insert OpPart(out, confirmedResponders, 0, 1, integer, [[Responders whose CR or PR was confirmed by a later assessment (reported separately).]])
* insert OpPart(out, diseaseControl, 1, 1, integer, [[Subjects with best response CR, PR or SD.]])
* insert OpPart(out, dcr, 1, 1, decimal, [[Disease control rate.]])
* insert OpPart(out, dcrLower, 1, 1, decimal, [[Lower exact 95% confidence limit of the DCR.]])
* insert OpPart(out, dcrUpper, 1, 1, decimal, [[Upper exact 95% confidence limit of the DCR.]])
* insert OpPart(out, bestResponse, 0, *, Coding, [[Each best overall response with its count in the coding's display, e.g. 'C18213' / 'Stable Disease: 7'.]])
* insert OpGroup(out, comparison, 0, 1, [[Difference between arms (absent for blinded callers).]])
* insert OpPart(out, comparison, 1, 1, string, [[Experimental arm versus reference arm, e.g. 'RAK vs CONTROL'.]])
* insert OpPart(out, orrDifference, 1, 1, decimal, [[ORR of the experimental arm minus ORR of the reference arm.]])
* insert OpPart(out, orrDifferenceLower, 1, 1, decimal, [[Lower 95% confidence limit of the ORR difference (Newcombe hybrid score).]])
* insert OpPart(out, orrDifferenceUpper, 1, 1, decimal, [[Upper 95% confidence limit of the ORR difference (Newcombe hybrid score).]])
* insert OpPart(out, orrFisherPValue, 1, 1, decimal, [[Two-sided Fisher exact test p-value for responders.]])
* insert OpPart(out, dcrDifference, 1, 1, decimal, [[DCR difference.]])
* insert OpPart(out, dcrDifferenceLower, 1, 1, decimal, [[Lower 95% confidence limit of the DCR difference (Newcombe hybrid score).]])
* insert OpPart(out, dcrDifferenceUpper, 1, 1, decimal, [[Upper 95% confidence limit of the DCR difference (Newcombe hybrid score).]])
* insert OpPart(out, dcrFisherPValue, 1, 1, decimal, [[Two-sided Fisher exact test p-value for disease control.]])

Instance: trial-researchstudy-adverse-event-summary
InstanceOf: OperationDefinition
Usage: #definition
Title: "ResearchStudy $adverse-event-summary"
Description: "Incidence of treatment-emergent adverse events per arm, by worst CTCAE grade, seriousness and term, with exact CIs."
* url = "http://trialfhir.org/fhir/OperationDefinition/trial-researchstudy-adverse-event-summary"
* name = "TrialAdverseEventSummary"
* title = "Adverse-event incidence"
* insert TrialOperation(adverse-event-summary, ResearchStudy, false)
* description = """
Treatment-emergent adverse events (onset on or after the subject's first dose, onset <= cutoff) per arm: subjects with
any AE, by worst CTCAE grade, with grade >= 3, with a serious AE, and by term (MedDRA), each with its exact
(Clopper-Pearson) 95% CI. A subject counts once per row, at its worst grade. The denominator is the treated subjects
of the arm (at least one MedicationAdministration <= cutoff). The first dose is the patient's earliest
MedicationAdministration <= cutoff.
"""
* insert CutoffParam
* insert DerivationCommon
* insert AnalysisCounts
* insert OpGroup(out, arm, 1, *, [[One group per arm, or one pooled group for blinded callers.]])
* insert OpPart(out, name, 1, 1, string, [[arm.name, or POOLED.]])
* insert OpPart(out, treated, 1, 1, integer, [[Treated subjects (denominator).]])
* insert OpPart(out, anyAe, 1, 1, string, [[Subjects with any treatment-emergent AE as 'count;rate;lower;upper'.]])
* insert OpPart(out, gradeAtLeast3, 1, 1, string, [[Subjects with a grade >= 3 AE as 'count;rate;lower;upper'.]])
* insert OpPart(out, serious, 1, 1, string, [[Subjects with a serious AE as 'count;rate;lower;upper'.]])
* insert OpPart(out, worstGrade, 0, *, Coding, [[Subjects by worst CTCAE grade: the grade's NCI Thesaurus code with 'count;rate;lower;upper' as display.]])
* insert OpPart(out, term, 0, *, Coding, [[Subjects by MedDRA term: the term with 'count;rate;lower;upper' as display.]])
* insert OpPart(out, termName, 0, *, string, [[The MedDRA term of each 'term' as 'code;term'.]])

Instance: trial-researchstudy-consort
InstanceOf: OperationDefinition
Usage: #definition
Title: "ResearchStudy $consort"
Description: "CONSORT flow counts: enrolled, randomized and, per arm, treated, discontinued (with reasons) and analysed."
* url = "http://trialfhir.org/fhir/OperationDefinition/trial-researchstudy-consort"
* name = "TrialConsort"
* title = "CONSORT flow"
* insert TrialOperation(consort, ResearchStudy, false)
* description = """
Participant flow as of the cut-off: enrolled (ResearchSubjects of the study), randomized (with an assigned arm), and
per arm: treated (at least one MedicationAdministration <= cutoff), discontinued (status off-study or withdrawn, unless
period.end is after the cut-off; the reason is the status code) and analysed (the randomized subjects: analyses are
intention to treat).
"""
* insert CutoffParam
* insert DerivationCommon
* insert AnalysisCounts
* insert OpParam(out, enrolled, 1, 1, integer, [[Subjects enrolled in the study.]])
* insert OpParam(out, randomized, 1, 1, integer, [[Subjects randomized.]])
* insert OpGroup(out, arm, 1, *, [[One group per arm, or one pooled group for blinded callers.]])
* insert OpPart(out, name, 1, 1, string, [[arm.name, or POOLED.]])
* insert OpPart(out, allocated, 1, 1, integer, [[Subjects allocated to the arm.]])
* insert OpPart(out, treated, 1, 1, integer, [[Subjects treated.]])
* insert OpPart(out, discontinued, 1, 1, integer, [[Subjects who discontinued.]])
* insert OpPart(out, discontinuationReason, 0, *, string, [[A reason with its count as 'reason;count'.]])
* insert OpPart(out, analysed, 1, 1, integer, [[Subjects analysed.]])

Instance: trial-researchstudy-dose-escalation
InstanceOf: OperationDefinition
Usage: #definition
Title: "ResearchStudy $dose-escalation"
Description: "Dose-escalation status of a dose-escalation study part: per dose level treated, DLT-evaluable and DLTs; the design's decision and the MTD estimate."
* url = "http://trialfhir.org/fhir/OperationDefinition/trial-researchstudy-dose-escalation"
* name = "TrialDoseEscalation"
* title = "Dose-escalation decision"
* insert TrialOperation(dose-escalation, ResearchStudy, false)
* description = """
Applies the study's dose-escalation design (3+3 or BOIN with its target DLT rate) to the data as of the cut-off.
Whole days from the subject's first dose at its dose level (ResearchSubject.period.start = day 0). Per dose level:
subjects treated (first dose <= cutoff), DLT-evaluable subjects and DLTs. A DLT is an AdverseEvent of the subject's
Patient flagged trial-dlt = true with onset (AdverseEvent.date) on day 0 to window - 1 and <= cutoff. A subject is
DLT-evaluable when it had a DLT or the cut-off is on or after day `window` (whole window observed). The current dose
level is that of the most recently treated subject. Decisions use DLT-evaluable subjects once every subject at the
current level is evaluable (before that the decision is `stay`, waiting), except safety decisions the data already
force (3+3: 2 or more DLTs at the level; BOIN: elimination, stop). 3+3 decides on complete cohorts of 3 or 6; BOIN
stops when the lowest dose is eliminated or the planned enrollment (maximum sample size) has been treated. The MTD
estimate: BOIN's isotonic selection (dose whose isotonic DLT estimate is closest to the target, among doses not
eliminated), reported at every cut-off; for 3+3 the dose the 3+3 rule declares when it stops. A study without a
dose-escalation design is refused (400). With `boundaryTable=true` the result is the design's printable decision
table (a text/plain Binary; served as plain text to a client that does not ask for a FHIR format).
"""
* insert CutoffParam
* insert OpParam(in, boundaryTable, 0, 1, boolean, [[Return the design's printable boundary (decision) table instead of the status (default false).]])
* insert DerivationCommon
* insert OpParam(out, design, 1, 1, Coding, [[The design applied (3+3 or BOIN).]])
* insert OpParam(out, targetDltRate, 0, 1, decimal, [[The target DLT rate of the study.]])
* insert OpParam(out, dltWindowDays, 1, 1, integer, [[The DLT window in days.]])
* insert OpGroup(out, doseLevel, 1, *, [[One group per dose level of the study.]])
* insert OpPart(out, ordinal, 1, 1, integer, [[Dose-level ordinal.]])
* insert OpPart(out, dose, 1, 1, Quantity, [[Dose per administration.]])
* insert OpPart(out, treated, 1, 1, integer, [[Subjects treated at the level.]])
* insert OpPart(out, dltEvaluable, 1, 1, integer, [[DLT-evaluable subjects.]])
* insert OpPart(out, dlts, 1, 1, integer, [[Subjects with a DLT.]])
* insert OpPart(out, pending, 1, 1, integer, [[Treated subjects still within their DLT window without a DLT.]])
* insert OpPart(out, isotonicEstimate, 0, 1, decimal, [[Isotonic-regression estimate of the DLT probability (absent if untreated, eliminated, or no target rate).]])
* insert OpParam(out, currentDoseLevel, 0, 1, integer, [[Ordinal of the dose level the decision is about (absent before the first subject is treated).]])
* insert OpParam(out, decision, 0, 1, Coding, [[escalate | stay | de-escalate | eliminate | stop (absent before the first subject is treated).]])
* insert OpParam(out, nextDoseLevel, 0, 1, integer, [[Ordinal of the dose level for the next cohort (absent after stop).]])
* insert OpParam(out, reason, 1, 1, string, [[The rule that applied, in words.]])
* insert OpParam(out, stoppingRuleReached, 1, 1, boolean, [[True when the design's stopping rule is reached (decision stop).]])
* insert OpParam(out, mtd, 0, 1, integer, [[Ordinal of the estimated MTD (absent while undetermined).]])

Instance: trial-researchstudy-randomize
InstanceOf: OperationDefinition
Usage: #definition
Title: "ResearchStudy $randomize"
Description: "Randomizes a Patient into the study from a concealed, stratified permuted-block list and returns the new ResearchSubject."
* url = "http://trialfhir.org/fhir/OperationDefinition/trial-researchstudy-randomize"
* name = "TrialRandomize"
* title = "Randomize a patient"
* insert TrialOperation(randomize, ResearchStudy, true)
* description = """
Creates a TrialResearchSubject for the Patient in the given stratum with the next assignment of the concealed,
stratified permuted-block randomization list (arms 1:1 in the order of ResearchStudy.arm, random block sizes); the list
is generated from a secret seed held outside the FHIR store and is never returned. `period.start` (the time origin) is
the randomization date. Concurrent calls never use a list slot twice nor exceed the planned enrollment. Sending the same
request again (same Patient, same stratum) returns the ResearchSubject created the first time. Refused with 422
(OperationOutcome) when the study's planned enrollment (trial-recruitment.targetNumber) is reached, when the Patient
does not exist, is already a subject of the study or was randomized in another stratum, or when the study is not
randomized (e.g. the dose-escalation part); with 400 when the stratum is missing or unknown or the patient reference is
not a local Patient reference. Nothing is stored when refused. The assigned arm in the response is masked for blinded
callers.
"""
* insert OpParam(in, patient, 1, 1, Reference, [[The Patient to randomize.]])
* parameter[=].targetProfile = Canonical(TrialPatient)
* insert OpParam(in, stratum, 1, 1, Coding, [[Randomization stratum (ECOG 0 or 1).]])
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = Canonical(TrialStratumVS)
* insert OpParam(in, identifier, 0, 1, Identifier, [[Business identifier (subject number) of the new ResearchSubject (default: assigned by the server).]])
* insert OpParam(in, date, 0, 1, date, [[Randomization date (default: today).]])
* insert OpParam(out, return, 1, 1, ResearchSubject, [[The new ResearchSubject.]])

Instance: trial-researchsubject-unblind
InstanceOf: OperationDefinition
Usage: #definition
Title: "ResearchSubject $unblind"
Description: "Emergency unblinding of one subject: returns its arm and study cell product. Allowed roles only; always audited."
* url = "http://trialfhir.org/fhir/OperationDefinition/trial-researchsubject-unblind"
* name = "TrialUnblind"
* title = "Emergency unblinding"
* insert TrialOperation(unblind, ResearchSubject, true)
* description = """
Reveals the assigned and actual arm and the study cell product (RAK cells or control) of one subject for a medical
emergency, to the caller only. Roles allowed to unblind: investigator, dsmb, admin (see the permission table); others
get 403. Every call, allowed or refused, writes an AuditEvent (purpose of use: emergency treatment) naming the user,
the subject and the reason; that is why the operation affects state and requires POST. The subject gets an
`emergencyUnblinding` extension (date and role of the user) that every role sees; its arm stays masked for every other
blinded user, and no other subject is touched. The AuditEvent and the subject change are stored in one transaction.
A subject without an assigned arm cannot be unblinded (422); a missing or blank reason is refused (400).
"""
* insert OpParam(in, reason, 1, 1, string, [[Why the subject must be unblinded.]])
* insert OpParam(out, assignedArm, 1, 1, string, [[arm.name of the assigned arm.]])
* insert OpParam(out, actualArm, 0, 1, string, [[arm.name of the actual arm, if recorded.]])
* insert OpParam(out, studyProduct, 1, 1, Coding, [[The study cell product: rak-cells or control.]])
* insert OpParam(out, auditEvent, 1, 1, Reference, [[The AuditEvent recording this unblinding.]])
