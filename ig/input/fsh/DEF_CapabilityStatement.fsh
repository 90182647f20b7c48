Instance: trial-server
InstanceOf: CapabilityStatement
Usage: #definition
Title: "TrialFHIR server"
Description: "What the TrialFHIR server supports: the IG's profiles on the data contract's resources, conditional create/update on business identifiers, the IG's search parameters and operations."
* url = "http://trialfhir.org/fhir/CapabilityStatement/trial-server"
* name = "TrialFhirServer"
* title = "TrialFHIR server"
* status = #active
* experimental = false
* date = "2025-01-01"
* kind = #requirements
* fhirVersion = #4.0.1
* format[+] = #json
* format[+] = #xml
* implementationGuide = "http://trialfhir.org/fhir/ImplementationGuide/org.trialfhir.ig"
* description = """
A sender that follows the data contract gets 201/200; anything else gets a 4xx with an OperationOutcome naming the
element, and nothing is stored. No anonymous access except `metadata` and health: OAuth2 bearer tokens with SMART-style
scopes, roles from a claim. For blinded roles the arm and the study cell product are masked on every read path, and
operations return pooled results.
"""
* rest[+].mode = #server
* rest[=].security.cors = true
* rest[=].security.service = http://terminology.hl7.org/CodeSystem/restful-security-service#SMART-on-FHIR
* rest[=].security.description = "OAuth2 bearer JWTs with SMART-style scopes; roles (trial-role) from a token claim."

* insert CapabilityResource(ResearchStudy, TrialResearchStudy)
* insert CapabilitySearchParam(endpoint, http://trialfhir.org/fhir/SearchParameter/trial-researchstudy-endpoint, token, [[Studies by endpoint code.]])
* insert CapabilityOperation(survival, trial-researchstudy-survival)
* insert CapabilityOperation(response-rate, trial-researchstudy-response-rate)
* insert CapabilityOperation(adverse-event-summary, trial-researchstudy-adverse-event-summary)
* insert CapabilityOperation(consort, trial-researchstudy-consort)
* insert CapabilityOperation(dose-escalation, trial-researchstudy-dose-escalation)
* insert CapabilityOperation(randomize, trial-researchstudy-randomize)

* insert CapabilityResource(ResearchSubject, TrialResearchSubject)
* insert CapabilitySearchParam(stratum, http://trialfhir.org/fhir/SearchParameter/trial-researchsubject-stratum, token, [[By randomization stratum.]])
* insert CapabilitySearchParam(dose-level, http://trialfhir.org/fhir/SearchParameter/trial-researchsubject-dose-level, number, [[By dose-level ordinal.]])
* insert CapabilitySearchParam(assigned-arm, http://trialfhir.org/fhir/SearchParameter/trial-researchsubject-assigned-arm, token, [[By assigned arm; refused for blinded users.]])
* insert CapabilitySearchParam(actual-arm, http://trialfhir.org/fhir/SearchParameter/trial-researchsubject-actual-arm, token, [[By actual arm; refused for blinded users.]])
* insert CapabilityOperation(unblind, trial-researchsubject-unblind)

* insert CapabilityResource(Patient, TrialPatient)

* insert CapabilityResource(Observation, http://hl7.org/fhir/StructureDefinition/Observation)
* rest[=].resource[=].supportedProfile[+] = Canonical(TrialTumorResponse)
* rest[=].resource[=].supportedProfile[+] = Canonical(TrialBodySurfaceArea)

* insert CapabilityResource(MedicationAdministration, TrialMedicationAdministration)
* insert CapabilitySearchParam(cycle, http://trialfhir.org/fhir/SearchParameter/trial-medicationadministration-cycle, number, [[By treatment cycle number.]])

* insert CapabilityResource(AdverseEvent, TrialAdverseEvent)
* insert CapabilitySearchParam(ctcae-grade, http://trialfhir.org/fhir/SearchParameter/trial-adverseevent-ctcae-grade, token, [[By CTCAE grade.]])
* insert CapabilitySearchParam(dlt, http://trialfhir.org/fhir/SearchParameter/trial-adverseevent-dlt, token, [[By dose-limiting toxicity flag.]])
* insert CapabilitySearchParam(identifier, http://trialfhir.org/fhir/SearchParameter/trial-adverseevent-identifier, token, [[By business identifier (for idempotent conditional writes).]])
