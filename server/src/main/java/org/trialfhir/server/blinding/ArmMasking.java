package org.trialfhir.server.blinding;

import java.util.Optional;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.trialfhir.profiles.TrialCodes.StudyProduct;
import org.trialfhir.profiles.TrialExtensions;

/**
 * What a blinded caller sees instead of the arm and the study cell product:
 * <ul>
 * <li>ResearchSubject: {@code assignedArm}/{@code actualArm} carry no value, only the
 * data-absent-reason {@code masked};</li>
 * <li>ResearchStudy: arm names are masked the same way and arm descriptions removed (they
 * name the products); dose levels lose the arm they name;</li>
 * <li>MedicationAdministration, -Request, -Dispense, -Statement and Medication naming RAK
 * cells or control: the product becomes {@code study-cell-product}, the dose is
 * {@code masked}, and free text that could name it (dosage text, notes, narrative,
 * contained resources, batch/lot) is removed;</li>
 * <li>AdverseEvent: the suspect entities keep their references but lose any display text
 * and product-relatedness text, and the narrative is removed.</li>
 * </ul>
 * The resource is masked in place (every request parses its own copies from the
 * database): HAPI builds some responses, such as {@code $everything}, from the objects it
 * showed to the consent service rather than from replacements.
 */
final class ArmMasking {

	/** Extension stating why a value is absent. */
	static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

	/** Its code for a value hidden for reasons of security or privacy. */
	static final String MASKED = "masked";

	private ArmMasking() {
	}

	/**
	 * @param resource a resource about to leave the server
	 * @return the same resource, masked, or empty when it reveals nothing
	 */
	static Optional<IBaseResource> mask(IBaseResource resource) {
		if (resource instanceof ResearchSubject subject
				&& (subject.hasAssignedArmElement() || subject.hasActualArmElement())) {
			return Optional.of(mask(subject));
		}
		if (resource instanceof MedicationAdministration administration
				&& namesStudyCellProduct(administration.getMedication())) {
			return Optional.of(mask(administration));
		}
		if (resource instanceof AdverseEvent event && event.hasSuspectEntity()) {
			return Optional.of(mask(event));
		}
		if (resource instanceof ResearchStudy study
				&& (study.hasArm() || study.hasExtension(TrialExtensions.DOSE_LEVEL))) {
			return Optional.of(mask(study));
		}
		if (resource instanceof MedicationRequest request && namesStudyCellProduct(request.getMedication())) {
			MedicationRequest copy = request;
			copy.setMedication(maskedProduct());
			copy.getDosageInstruction().clear();
			copy.getDispenseRequest().setQuantity(null);
			copy.getNote().clear();
			return Optional.of(stripFreeText(copy));
		}
		if (resource instanceof MedicationDispense dispense && namesStudyCellProduct(dispense.getMedication())) {
			MedicationDispense copy = dispense;
			copy.setMedication(maskedProduct());
			copy.getDosageInstruction().clear();
			copy.setQuantity(maskedQuantity());
			copy.getNote().clear();
			return Optional.of(stripFreeText(copy));
		}
		if (resource instanceof MedicationStatement statement && namesStudyCellProduct(statement.getMedication())) {
			MedicationStatement copy = statement;
			copy.setMedication(maskedProduct());
			copy.getDosage().clear();
			copy.getNote().clear();
			return Optional.of(stripFreeText(copy));
		}
		if (resource instanceof Medication medication && namesStudyCellProduct(medication.getCode())) {
			Medication copy = medication;
			copy.setCode(maskedProduct());
			copy.setBatch(null);
			copy.getIngredient().clear();
			copy.setAmount(null);
			return Optional.of(stripFreeText(copy));
		}
		return Optional.empty();
	}

	/**
	 * @param value a medication[x] or code
	 * @return true when it names RAK cells or control
	 */
	static boolean namesStudyCellProduct(Type value) {
		if (!(value instanceof CodeableConcept concept)) {
			return false;
		}
		return concept.getCoding()
			.stream()
			.anyMatch(coding -> StudyProduct.fromCode(coding.getSystem(), coding.getCode())
				.map(StudyProduct::isMasked)
				.orElse(false));
	}

	/**
	 * @param value a medication[x]
	 * @return true when it is the masked study cell product a blinded user sends back
	 */
	static boolean isMaskedProduct(Type value) {
		return value instanceof CodeableConcept concept && concept.getCoding()
			.stream()
			.anyMatch(coding -> StudyProduct.STUDY_CELL_PRODUCT.is(coding.getSystem(), coding.getCode()));
	}

	/**
	 * @param element a primitive or complex element
	 * @return true when it carries the data-absent-reason {@code masked}
	 */
	static boolean isMasked(org.hl7.fhir.r4.model.Element element) {
		return element != null && element.getExtension()
			.stream()
			.anyMatch(extension -> DATA_ABSENT_REASON.equals(extension.getUrl())
					&& extension.getValue() instanceof CodeType code && MASKED.equals(code.getValue()));
	}

	private static ResearchSubject mask(ResearchSubject subject) {
		if (subject.hasAssignedArmElement()) {
			subject.setAssignedArmElement(maskedString());
		}
		if (subject.hasActualArmElement()) {
			subject.setActualArmElement(maskedString());
		}
		return stripFreeText(subject);
	}

	private static ResearchStudy mask(ResearchStudy study) {
		for (ResearchStudy.ResearchStudyArmComponent arm : study.getArm()) {
			arm.setNameElement(maskedString());
			arm.setDescription(null);
		}
		for (Extension level : study.getExtensionsByUrl(TrialExtensions.DOSE_LEVEL)) {
			level.getExtension().removeIf(part -> TrialExtensions.DoseLevel.ARM.equals(part.getUrl()));
		}
		return stripFreeText(study);
	}

	private static MedicationAdministration mask(MedicationAdministration administration) {
		administration.setMedication(maskedProduct());
		MedicationAdministration.MedicationAdministrationDosageComponent dosage = administration.getDosage();
		if (administration.hasDosage()) {
			dosage.setDose(maskedQuantity());
			dosage.setText(null);
			dosage.setRate(null);
		}
		administration.getDevice().clear();
		administration.getNote().clear();
		return stripFreeText(administration);
	}

	private static AdverseEvent mask(AdverseEvent event) {
		for (AdverseEvent.AdverseEventSuspectEntityComponent suspect : event.getSuspectEntity()) {
			suspect.getInstance().setDisplay(null);
			suspect.getInstance().setIdentifier(null);
			for (AdverseEvent.AdverseEventSuspectEntityCausalityComponent causality : suspect.getCausality()) {
				causality.setProductRelatednessElement(null);
			}
		}
		return stripFreeText(event);
	}

	private static <T extends DomainResource> T stripFreeText(T resource) {
		resource.setText(null);
		resource.getContained().clear();
		return resource;
	}

	private static CodeableConcept maskedProduct() {
		return new CodeableConcept(new Coding(StudyProduct.STUDY_CELL_PRODUCT.system(),
				StudyProduct.STUDY_CELL_PRODUCT.code(), StudyProduct.STUDY_CELL_PRODUCT.display()));
	}

	private static StringType maskedString() {
		StringType masked = new StringType();
		masked.addExtension(maskedReason());
		return masked;
	}

	private static Quantity maskedQuantity() {
		Quantity masked = new Quantity();
		masked.addExtension(maskedReason());
		return masked;
	}

	private static Extension maskedReason() {
		return new Extension(DATA_ABSENT_REASON, new CodeType(MASKED));
	}

}
