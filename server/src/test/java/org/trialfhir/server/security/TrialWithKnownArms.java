package org.trialfhir.server.security;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.trialfhir.profiles.TrialCodes.StudyProduct;
import org.trialfhir.server.IgExamples;
import org.trialfhir.server.SampleResources;

/**
 * A small randomized trial whose secrets are easy to spot in raw response bytes: a study
 * with arms named {@link #ALPHA} and {@link #BETA}, two patients randomized one to each,
 * one study-cell infusion each (RAK cells / control, lot {@link #LOT} in its notes, dose
 * {@link #DOSE} mL), and an adverse event whose suspect entity names the infusion.
 *
 * @param study the study
 * @param patientAlpha patient in arm ALPHA
 * @param patientBeta patient in arm BETA
 * @param subjectAlpha ResearchSubject in arm ALPHA
 * @param subjectBeta ResearchSubject in arm BETA
 * @param infusionAlpha RAK-cell infusion of patient ALPHA
 * @param infusionBeta control infusion of patient BETA
 * @param adverseEvent adverse event of patient ALPHA suspecting the infusion
 */
record TrialWithKnownArms(IdType study, IdType patientAlpha, IdType patientBeta, IdType subjectAlpha,
		IdType subjectBeta, IdType infusionAlpha, IdType infusionBeta, IdType adverseEvent) {

	/** Name of the experimental arm. */
	static final String ALPHA = "ZXARMALPHA";

	/** Name of the comparator arm. */
	static final String BETA = "ZXARMBETA";

	/** Lot number of the study cell product. */
	static final String LOT = "LOT-QZ-7781";

	/** Infusion dose (mL), distinctive. */
	static final String DOSE = "137.25";

	/**
	 * Strings that must never reach a blinded caller: arm names, the product codes, the
	 * lot and the dose. (The product's name, "RAK cells", is public protocol text: the
	 * program study describes it.)
	 */
	static final java.util.List<String> SECRETS = java.util.List.of(ALPHA, BETA, LOT, DOSE,
			StudyProduct.RAK_CELLS.code(), "\"" + StudyProduct.CONTROL.code() + "\"");

	/**
	 * Stores the trial through an unblinded, all-writing client.
	 * @param client the client
	 * @return the stored ids
	 */
	static TrialWithKnownArms store(IGenericClient client) {
		ResearchStudy study = SampleResources.study();
		study.getArm().get(0).setName(ALPHA).setDescription("Experimental arm of the leak test");
		study.getArm().get(1).setName(BETA).setDescription("Comparator arm of the leak test");
		study.setTitle("Leak test study");
		study.setDescription("A study whose arm assignments must stay hidden from blinded users");
		IdType studyId = create(client, study);

		IdType patientAlpha = create(client, SampleResources.patient());
		IdType patientBeta = create(client, SampleResources.patient());
		IdType subjectAlpha = create(client, subject(studyId, patientAlpha, ALPHA));
		IdType subjectBeta = create(client, subject(studyId, patientBeta, BETA));
		IdType infusionAlpha = create(client, infusion(patientAlpha, StudyProduct.RAK_CELLS));
		IdType infusionBeta = create(client, infusion(patientBeta, StudyProduct.CONTROL));

		AdverseEvent event = SampleResources.adverseEvent(new Reference(patientAlpha));
		event.getStudy().clear();
		event.addStudy(new Reference(studyId));
		event.getSuspectEntityFirstRep()
			.setInstance(new Reference(infusionAlpha).setDisplay(StudyProduct.RAK_CELLS.display() + " lot " + LOT));
		IdType adverseEvent = create(client, event);
		return new TrialWithKnownArms(studyId, patientAlpha, patientBeta, subjectAlpha, subjectBeta, infusionAlpha,
				infusionBeta, adverseEvent);
	}

	private static ResearchSubject subject(IdType study, IdType patient, String arm) {
		ResearchSubject subject = SampleResources.subject(new Reference(study), new Reference(patient));
		subject.setAssignedArm(arm).setActualArm(arm);
		return subject;
	}

	private static MedicationAdministration infusion(IdType patient, StudyProduct product) {
		MedicationAdministration infusion = IgExamples.get(MedicationAdministration.class,
				"study-cell-infusion-li-na-cycle-1");
		infusion.setIdElement(null);
		infusion.getMeta().setVersionId(null).setLastUpdated(null);
		infusion.addIdentifier().setSystem(SampleResources.IDENTIFIER_SYSTEM).setValue(SampleResources.uniqueId());
		infusion.setSubject(new Reference(patient));
		infusion.setMedication(new CodeableConcept(new Coding(product.system(), product.code(), product.display())));
		infusion.getDosage()
			.setDose(new Quantity().setValue(new java.math.BigDecimal(DOSE))
				.setUnit("mL")
				.setSystem("http://unitsofmeasure.org")
				.setCode("mL"))
			.setText(product.display() + " infusion, lot " + LOT);
		infusion.addNote().setText("Lot " + LOT + " released by the pharmacy");
		return infusion;
	}

	private static IdType create(IGenericClient client, org.hl7.fhir.r4.model.Resource resource) {
		return (IdType) client.create().resource(resource).execute().getId().toUnqualifiedVersionless();
	}

}
