// Aliases of external code systems and value sets, declared once (mCODE convention: AL_ files).
Alias: $NCIT = http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl
Alias: $MEDDRA = https://www.meddra.org
Alias: $LOINC = http://loinc.org
Alias: $UCUM = http://unitsofmeasure.org
Alias: $V2-0203 = http://terminology.hl7.org/CodeSystem/v2-0203
Alias: $STUDY-PHASE = http://terminology.hl7.org/CodeSystem/research-study-phase
Alias: $STUDY-PURPOSE = http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type
Alias: $OBJECTIVE-TYPE = http://terminology.hl7.org/CodeSystem/research-study-objective-type
Alias: $AE-SERIOUSNESS = http://terminology.hl7.org/CodeSystem/adverse-event-seriousness
Alias: $AE-OUTCOME = http://terminology.hl7.org/CodeSystem/adverse-event-outcome
Alias: $OBS-CATEGORY = http://terminology.hl7.org/CodeSystem/observation-category
Alias: $ROUTE-SCT = http://snomed.info/sct

Alias: $research-study-phase-vs = http://hl7.org/fhir/ValueSet/research-study-phase
Alias: $objective-type-vs = http://hl7.org/fhir/ValueSet/research-study-objective-type
Alias: $ae-seriousness-vs = http://hl7.org/fhir/ValueSet/adverse-event-seriousness
