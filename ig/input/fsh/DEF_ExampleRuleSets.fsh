// Rules repeated in the examples.

RuleSet: StudyIdentifier(value)
* identifier[+].system = "http://trialfhir.org/fhir/sid/study"
* identifier[=].value = "{value}"

RuleSet: PatientIdentifier(value)
* identifier[+].use = #usual
* identifier[=].type = $V2-0203#MR "Medical record number"
* identifier[=].system = "http://trialfhir.org/fhir/sid/plagh-mrn"
* identifier[=].value = "{value}"

RuleSet: SubjectIdentifier(value)
* identifier[+].system = "http://trialfhir.org/fhir/sid/subject"
* identifier[=].value = "{value}"

RuleSet: OutcomeMeasure(endpoint, type, description)
* extension[outcomeMeasure][+].extension[endpoint].valueCodeableConcept = TrialEndpointCS#{endpoint}
* extension[outcomeMeasure][=].extension[type].valueCodeableConcept = $OBJECTIVE-TYPE#{type}
* extension[outcomeMeasure][=].extension[timeFrame].valueDuration = 1 'a' "year"
* extension[outcomeMeasure][=].extension[description].valueMarkdown = "{description}"

RuleSet: DoseLevel(ordinal, dose, arm)
* extension[doseLevel][+].extension[ordinal].valuePositiveInt = {ordinal}
* extension[doseLevel][=].extension[dose].valueQuantity = {dose} '10*9' "x10^9 cells"
* extension[doseLevel][=].extension[arm].valueString = "{arm}"

RuleSet: Arm(name, type, description)
* arm[+].name = "{name}"
* arm[=].type = TrialArmTypeCS#{type}
* arm[=].description = "{description}"

RuleSet: TreatmentCycle(cycle, day)
* extension[treatmentCycle].extension[cycle].valuePositiveInt = {cycle}
* extension[treatmentCycle].extension[day].valuePositiveInt = {day}

RuleSet: Attribution(instance, code)
* suspectEntity[+].instance = Reference({instance})
* suspectEntity[=].causality[+].assessment = TrialAttributionCS#{code}

RuleSet: DoseEscalationSubject(number, patient, firstDose, arm, level)
* insert SubjectIdentifier({number})
* status = #on-study-intervention
* period.start = "{firstDose}"
* study = Reference(rak-part-1-dose-escalation)
* individual = Reference({patient})
* assignedArm = "{arm}"
* actualArm = "{arm}"
* extension[doseLevel].valuePositiveInt = {level}
