// Search parameters the operations and users need beyond R4's own. Tumour responses are found with R4's
// Observation `code` + `value-concept` (e.g. value-concept=http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl|C35571);
// AdverseEvent `study`, `subject`, `seriousness`, `date` and ResearchSubject `study`, `individual` also exist in R4.

Instance: trial-adverseevent-ctcae-grade
InstanceOf: SearchParameter
Usage: #definition
Title: "AdverseEvent: CTCAE grade"
Description: "Adverse events by CTCAE grade (NCI Thesaurus code), e.g. ctcae-grade=http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl|C41340 for grade 3."
* url = "http://trialfhir.org/fhir/SearchParameter/trial-adverseevent-ctcae-grade"
* name = "TrialAdverseEventCtcaeGrade"
* description = "Adverse events by CTCAE grade (NCI Thesaurus code of trial-ae-grade)."
* insert TrialSearchParameter(ctcae-grade, AdverseEvent, token, [[AdverseEvent.extension('http://trialfhir.org/fhir/StructureDefinition/trial-ae-grade').value]])

Instance: trial-adverseevent-dlt
InstanceOf: SearchParameter
Usage: #definition
Title: "AdverseEvent: dose-limiting toxicity"
Description: "Adverse events flagged (dlt=true) or not flagged (dlt=false) as dose-limiting."
* url = "http://trialfhir.org/fhir/SearchParameter/trial-adverseevent-dlt"
* name = "TrialAdverseEventDlt"
* description = "Adverse events by the dose-limiting toxicity flag (trial-dlt)."
* insert TrialSearchParameter(dlt, AdverseEvent, token, [[AdverseEvent.extension('http://trialfhir.org/fhir/StructureDefinition/trial-dlt').value]])

Instance: trial-researchsubject-stratum
InstanceOf: SearchParameter
Usage: #definition
Title: "ResearchSubject: randomization stratum"
Description: "Research subjects by randomization stratum, e.g. stratum=http://trialfhir.org/fhir/CodeSystem/trial-stratum|ecog-1."
* url = "http://trialfhir.org/fhir/SearchParameter/trial-researchsubject-stratum"
* name = "TrialResearchSubjectStratum"
* description = "Research subjects by randomization stratum (trial-stratum)."
* insert TrialSearchParameter(stratum, ResearchSubject, token, [[ResearchSubject.extension('http://trialfhir.org/fhir/StructureDefinition/trial-stratum').value]])

Instance: trial-researchsubject-dose-level
InstanceOf: SearchParameter
Usage: #definition
Title: "ResearchSubject: dose level"
Description: "Dose-escalation subjects by dose-level ordinal, e.g. dose-level=2."
* url = "http://trialfhir.org/fhir/SearchParameter/trial-researchsubject-dose-level"
* name = "TrialResearchSubjectDoseLevel"
* description = "Research subjects by dose-level ordinal (trial-subject-dose-level)."
* insert TrialSearchParameter(dose-level, ResearchSubject, number, [[ResearchSubject.extension('http://trialfhir.org/fhir/StructureDefinition/trial-subject-dose-level').value]])

Instance: trial-researchsubject-assigned-arm
InstanceOf: SearchParameter
Usage: #definition
Title: "ResearchSubject: assigned arm"
Description: "Research subjects by assigned arm (arm.name). Refused for blinded users."
* url = "http://trialfhir.org/fhir/SearchParameter/trial-researchsubject-assigned-arm"
* name = "TrialResearchSubjectAssignedArm"
* description = "Research subjects by assigned arm (ResearchSubject.assignedArm, an arm.name of the study). The server refuses it for blinded users."
* insert TrialSearchParameter(assigned-arm, ResearchSubject, token, [[ResearchSubject.assignedArm]])

Instance: trial-researchsubject-actual-arm
InstanceOf: SearchParameter
Usage: #definition
Title: "ResearchSubject: actual arm"
Description: "Research subjects by actual arm (arm.name). Refused for blinded users."
* url = "http://trialfhir.org/fhir/SearchParameter/trial-researchsubject-actual-arm"
* name = "TrialResearchSubjectActualArm"
* description = "Research subjects by actual arm (ResearchSubject.actualArm, an arm.name of the study). The server refuses it for blinded users."
* insert TrialSearchParameter(actual-arm, ResearchSubject, token, [[ResearchSubject.actualArm]])

Instance: trial-medicationadministration-cycle
InstanceOf: SearchParameter
Usage: #definition
Title: "MedicationAdministration: treatment cycle"
Description: "Administrations by treatment cycle number, e.g. cycle=1."
* url = "http://trialfhir.org/fhir/SearchParameter/trial-medicationadministration-cycle"
* name = "TrialMedicationAdministrationCycle"
* description = "Administrations by cycle number (trial-treatment-cycle.cycle)."
* insert TrialSearchParameter(cycle, MedicationAdministration, number, [[MedicationAdministration.extension('http://trialfhir.org/fhir/StructureDefinition/trial-treatment-cycle').extension('cycle').value]])

Instance: trial-researchstudy-endpoint
InstanceOf: SearchParameter
Usage: #definition
Title: "ResearchStudy: endpoint"
Description: "Studies by endpoint code, e.g. endpoint=http://trialfhir.org/fhir/CodeSystem/trial-endpoint|OS."
* url = "http://trialfhir.org/fhir/SearchParameter/trial-researchstudy-endpoint"
* name = "TrialResearchStudyEndpoint"
* description = "Studies by endpoint (trial-outcome-measure.endpoint)."
* insert TrialSearchParameter(endpoint, ResearchStudy, token, [[ResearchStudy.extension('http://trialfhir.org/fhir/StructureDefinition/trial-outcome-measure').extension('endpoint').value]])

Instance: trial-adverseevent-identifier
InstanceOf: SearchParameter
Usage: #definition
Title: "AdverseEvent: business identifier"
Description: "Adverse events by business identifier, e.g. identifier=urn:hospital:ae|AE-0001. R4 defines no identifier search on AdverseEvent; an EHR interface needs one to send adverse events idempotently (conditional create/update)."
* url = "http://trialfhir.org/fhir/SearchParameter/trial-adverseevent-identifier"
* name = "TrialAdverseEventIdentifier"
* description = "Adverse events by business identifier (AdverseEvent.identifier)."
* insert TrialSearchParameter(identifier, AdverseEvent, token, [[AdverseEvent.identifier]])
