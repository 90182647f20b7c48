// The trial as its registry record states it: the RAK program and its two parts.

Instance: plagh-first-fifth-medical-center
InstanceOf: Location
Usage: #example
Title: "Trial site"
Description: "The trial's site: The First & Fifth Medical Center of Chinese PLA General Hospital, Beijing."
* status = #active
* name = "The First & Fifth Medical Center of Chinese PLA General Hospital"
* address.city = "Beijing"
* address.country = "CN"

Instance: rak-program
InstanceOf: TrialResearchStudy
Usage: #example
Title: "RAK cells with TAS-102 in gastric cancer (program)"
Description: "The parent program as registered: prospective, randomized, double-blind, interventional (treatment), enrollment 90, recruiting; part 1 escalates the RAK-cell dose to the MTD, part 2 compares RAK cells with control, both on TAS-102."
* insert StudyIdentifier(RAK-GC-01)
* title = "RetroNectin-activated killer (RAK) cells plus TAS-102 for recurrent or metastatic gastric cancer after failed frontline therapy"
* status = #active
* phase = $STUDY-PHASE#phase-1-phase-2 "Phase 1/Phase 2"
* primaryPurposeType = $STUDY-PURPOSE#treatment "Treatment"
* condition.text = "Recurrent or metastatic gastric cancer after failure of frontline therapy"
* keyword[+].text = "RAK cells"
* keyword[+].text = "TAS-102"
* description = """
RAK cells (RetroNectin-activated killer cells) are derived from peripheral blood mononuclear cells or umbilical cord
blood, induced in vitro with RetroNectin, anti-CD3 monoclonal antibody and IL-2, and consist mainly of CD8+ T and NKT
cells. Background chemotherapy is TAS-102 (trifluridine/tipiracil) orally 35 mg/m² twice daily on days 1-5 of 3-week
cycles. Part 1 escalates the RAK-cell dose to the maximum tolerated dose; part 2 compares RAK cells with control for
overall survival, progression-free survival, objective response rate, time to progression and adverse events.
"""
* site = Reference(plagh-first-fifth-medical-center)
* extension[masking].valueCodeableConcept = TrialMaskingCS#DOUBLE
* extension[allocation].valueCodeableConcept = TrialAllocationCS#RANDOMIZED
* extension[recruitment].extension[targetNumber].valueUnsignedInt = 90
* insert OutcomeMeasure(MTD, primary, [[Maximum tolerated dose of RAK cells with TAS-102 (part 1)]])
* insert OutcomeMeasure(OS, primary, [[Overall survival (part 2)]])
* insert OutcomeMeasure(PFS, secondary, [[Progression-free survival (part 2)]])
* insert OutcomeMeasure(ORR, secondary, [[Objective response rate (part 2)]])
* insert OutcomeMeasure(TTP, secondary, [[Time to progression (part 2)]])
* insert OutcomeMeasure(AE, secondary, [[Incidence of adverse events]])

Instance: rak-part-1-dose-escalation
InstanceOf: TrialResearchStudy
Usage: #example
Title: "Part 1: RAK-cell dose escalation"
Description: "Part 1 of the program: open-label 3+3 dose escalation of RAK cells on TAS-102 to the MTD, three dose levels (cell doses and the split of the 90 planned subjects between the parts are illustrative; the registry states 90 overall), 21-day DLT window."
* insert StudyIdentifier(RAK-GC-01-P1)
* title = "RAK cells plus TAS-102 in gastric cancer, part 1: dose escalation"
* status = #active
* phase = $STUDY-PHASE#phase-1 "Phase 1"
* primaryPurposeType = $STUDY-PURPOSE#treatment "Treatment"
* partOf = Reference(rak-program)
* site = Reference(plagh-first-fifth-medical-center)
* extension[masking].valueCodeableConcept = TrialMaskingCS#NONE
* extension[allocation].valueCodeableConcept = TrialAllocationCS#NON_RANDOMIZED
* extension[recruitment].extension[targetNumber].valueUnsignedInt = 18
* insert OutcomeMeasure(MTD, primary, [[Maximum tolerated dose of RAK cells with TAS-102]])
* insert OutcomeMeasure(AE, secondary, [[Incidence of adverse events and dose-limiting toxicities]])
* insert Arm(DL1, EXPERIMENTAL, [[RAK cells 1 x 10^9 cells per infusion + TAS-102]])
* insert Arm(DL2, EXPERIMENTAL, [[RAK cells 3 x 10^9 cells per infusion + TAS-102]])
* insert Arm(DL3, EXPERIMENTAL, [[RAK cells 6 x 10^9 cells per infusion + TAS-102]])
* insert DoseLevel(1, 1, DL1)
* insert DoseLevel(2, 3, DL2)
* insert DoseLevel(3, 6, DL3)
* extension[doseEscalationDesign].valueCodeableConcept = TrialDoseEscalationDesignCS#three-plus-three "3+3"
* extension[targetDltRate].valueDecimal = 0.3
* extension[dltWindow].valueDuration = 21 'd' "days"

Instance: rak-part-2-randomized
InstanceOf: TrialResearchStudy
Usage: #example
Title: "Part 2: RAK cells versus control"
Description: "Part 2 of the program: randomized, double-blind comparison of RAK cells with a control infusion, both with TAS-102, stratified by ECOG 0/1; OS, PFS, ORR, TTP and adverse events over one year."
* insert StudyIdentifier(RAK-GC-01-P2)
* title = "RAK cells plus TAS-102 in gastric cancer, part 2: randomized comparison with control"
* status = #active
* phase = $STUDY-PHASE#phase-2 "Phase 2"
* primaryPurposeType = $STUDY-PURPOSE#treatment "Treatment"
* partOf = Reference(rak-program)
* site = Reference(plagh-first-fifth-medical-center)
* extension[masking].valueCodeableConcept = TrialMaskingCS#DOUBLE
* extension[allocation].valueCodeableConcept = TrialAllocationCS#RANDOMIZED
* extension[recruitment].extension[targetNumber].valueUnsignedInt = 72
* insert OutcomeMeasure(OS, primary, [[Overall survival]])
* insert OutcomeMeasure(PFS, secondary, [[Progression-free survival]])
* insert OutcomeMeasure(ORR, secondary, [[Objective response rate (RECIST 1.1)]])
* insert OutcomeMeasure(TTP, secondary, [[Time to progression]])
* insert OutcomeMeasure(AE, secondary, [[Incidence of adverse events (CTCAE)]])
* insert Arm(RAK, EXPERIMENTAL, [[RAK cells at the MTD of part 1 + TAS-102 35 mg/m² twice daily, days 1-5, every 3 weeks]])
* insert Arm(CONTROL, PLACEBO_COMPARATOR, [[Control infusion + TAS-102 35 mg/m² twice daily, days 1-5, every 3 weeks]])
