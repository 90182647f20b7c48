package org.trialfhir.server.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.trialfhir.profiles.TrialCodes.DoseEscalationDesign;
import org.trialfhir.profiles.TrialExtensions;
import org.trialfhir.server.IgExamples;
import org.trialfhir.server.SampleResources;

/**
 * A scripted dose-escalation history: a copy of the IG's part-1 study (three dose levels
 * DL1-DL3, 21-day DLT window) with its own identifiers, the design asked for, and
 * subjects with their first dose and DLTs, stored in one transaction.
 */
final class DoseEscalationStudyBuilder {

	private final ResearchStudy study;

	private final String studyUrn = urn();

	private final List<Bundle.BundleEntryComponent> entries = new ArrayList<>();

	private String armPrefix = "DL";

	private DoseEscalationStudyBuilder(DoseEscalationDesign design, Double target, Integer plannedEnrollment) {
		study = IgExamples.get(ResearchStudy.class, "rak-part-1-dose-escalation");
		study.setIdElement(null);
		study.getIdentifierFirstRep().setValue("TEST-P1-" + SampleResources.uniqueId());
		study.getExtensionByUrl(TrialExtensions.DOSE_ESCALATION_DESIGN)
			.setValue(new CodeableConcept(new Coding(design.system(), design.code(), design.display())));
		study.getExtension().removeIf(e -> e.getUrl().equals(TrialExtensions.TARGET_DLT_RATE));
		if (target != null) {
			study.addExtension(TrialExtensions.TARGET_DLT_RATE, new DecimalType(target));
		}
		Extension recruitment = study.getExtensionByUrl(TrialExtensions.RECRUITMENT);
		if (plannedEnrollment != null) {
			recruitment.getExtensionByUrl(TrialExtensions.Recruitment.TARGET_NUMBER)
				.setValue(new UnsignedIntType(plannedEnrollment));
		}
		add(studyUrn, study);
	}

	static DoseEscalationStudyBuilder threePlusThree() {
		return new DoseEscalationStudyBuilder(DoseEscalationDesign.THREE_PLUS_THREE, 0.3, null);
	}

	static DoseEscalationStudyBuilder boin(double target, int plannedEnrollment) {
		return new DoseEscalationStudyBuilder(DoseEscalationDesign.BOIN, target, plannedEnrollment);
	}

	/**
	 * Renames the study's arms (and the arms its dose levels and subjects name) from
	 * {@code DL1}, {@code DL2}, ... to {@code prefix1}, {@code prefix2}, ...; call before
	 * adding subjects.
	 * @param prefix the new prefix, distinctive enough to be found in response bytes
	 * @return this
	 */
	DoseEscalationStudyBuilder armsNamed(String prefix) {
		for (ResearchStudy.ResearchStudyArmComponent arm : study.getArm()) {
			arm.setName(arm.getName().replaceFirst("^" + armPrefix, prefix));
		}
		for (Extension level : study.getExtensionsByUrl(TrialExtensions.DOSE_LEVEL)) {
			Extension arm = level.getExtensionByUrl(TrialExtensions.DoseLevel.ARM);
			if (arm != null) {
				arm.setValue(new StringType(arm.getValue().primitiveValue().replaceFirst("^" + armPrefix, prefix)));
			}
		}
		armPrefix = prefix;
		return this;
	}

	/**
	 * @param level dose level
	 * @param firstDose first dose date (yyyy-mm-dd)
	 * @param dltOnsets onset dates of the patient's DLT-flagged adverse events
	 * @return this
	 */
	DoseEscalationStudyBuilder subject(int level, String firstDose, String... dltOnsets) {
		Patient patient = SampleResources.patient();
		String patientUrn = urn();
		add(patientUrn, patient);
		ResearchSubject subject = IgExamples.get(ResearchSubject.class, "subject-zhang-wei-dose-level-2");
		subject.setIdElement(null);
		subject.getIdentifierFirstRep().setValue("TEST-" + SampleResources.uniqueId());
		subject.setStudy(new Reference(studyUrn));
		subject.setIndividual(new Reference(patientUrn));
		subject.getPeriod().setStartElement(new DateTimeType(firstDose));
		subject.setAssignedArm(armPrefix + level);
		subject.setActualArm(armPrefix + level);
		subject.getExtensionByUrl(TrialExtensions.SUBJECT_DOSE_LEVEL).setValue(new PositiveIntType(level));
		add(urn(), subject);
		for (String onset : dltOnsets) {
			AdverseEvent event = IgExamples.get(AdverseEvent.class, "dlt-febrile-neutropenia-zhang-wei");
			event.setIdElement(null);
			event.setIdentifier(
					new Identifier().setSystem(SampleResources.IDENTIFIER_SYSTEM).setValue(SampleResources.uniqueId()));
			event.setSubject(new Reference(patientUrn));
			event.setStudy(List.of(new Reference(studyUrn)));
			event.setDateElement(new DateTimeType(new DateType(onset).getValueAsString()));
			add(urn(), event);
		}
		return this;
	}

	/**
	 * @return the transaction storing the study, patients, subjects and adverse events
	 */
	Bundle transaction() {
		Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
		bundle.getEntry().addAll(entries);
		return bundle;
	}

	private void add(String fullUrl, Resource resource) {
		Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent().setFullUrl(fullUrl).setResource(resource);
		entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
		entries.add(entry);
	}

	private static String urn() {
		return "urn:uuid:" + UUID.randomUUID();
	}

}
