package org.trialfhir.server.blinding;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StringType;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.server.security.TrialCallers;

/**
 * Keeps blinded callers from setting or changing what they must not know. Before a
 * blinded caller's write is stored (and before it is validated):
 * <ul>
 * <li>a ResearchSubject may not get an arm: only {@code $randomize} assigns arms. On
 * update, an arm value that differs from the stored one is refused; an arm that comes
 * back absent keeps its stored value. (A masked value sent back is refused by profile
 * validation, which HAPI runs before this guard on updates, with {@code 422}: nothing
 * changes either way.)</li>
 * <li>a MedicationAdministration may record the study cell product only as
 * {@code study-cell-product}; naming RAK cells or control is refused unless it repeats
 * the stored product;</li>
 * <li>a SearchParameter over an arm may not be created (it would allow searching by arm
 * under another name).</li>
 * </ul>
 * Refusals are {@code 403} with an OperationOutcome; nothing is stored.
 */
@Interceptor(order = BlindedWriteGuard.BEFORE_VALIDATION)
public class BlindedWriteGuard {

	/** Runs before profile validation (order 0), which must see the restored values. */
	static final int BEFORE_VALIDATION = -100;

	private final TrialCallers callers;

	public BlindedWriteGuard(TrialCallers callers) {
		this.callers = callers;
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = BEFORE_VALIDATION)
	void beforeCreate(RequestDetails request, IBaseResource resource) {
		if (!appliesTo(request)) {
			return;
		}
		if (resource instanceof ResearchSubject subject) {
			requireNoArm(subject.getAssignedArmElement(), null);
			requireNoArm(subject.getActualArmElement(), null);
			dropMasked(subject);
		}
		if (resource instanceof MedicationAdministration administration
				&& ArmMasking.namesStudyCellProduct(administration.getMedication())) {
			throw BlindingRefusal.forbidden("Blinded users record the study cell product as 'study-cell-product'");
		}
		refuseArmSearchParameter(resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = BEFORE_VALIDATION)
	void beforeUpdate(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		if (!appliesTo(request)) {
			return;
		}
		if (resource instanceof ResearchSubject subject && previous instanceof ResearchSubject stored) {
			subject.setAssignedArmElement(keepArm(subject.getAssignedArmElement(), stored.getAssignedArmElement()));
			subject.setActualArmElement(keepArm(subject.getActualArmElement(), stored.getActualArmElement()));
		}
		if (resource instanceof MedicationAdministration administration
				&& previous instanceof MedicationAdministration stored) {
			keepProduct(administration, stored);
		}
		refuseArmSearchParameter(resource);
	}

	private boolean appliesTo(RequestDetails hookRequest) {
		// HAPI hands update hooks an internal request object: judge the HTTP request
		RequestDetails request = callers.behind(hookRequest);
		boolean randomizing = request != null && TrialOperations.RANDOMIZE.equals(request.getOperation());
		return !randomizing && callers.of(request).isBlinded();
	}

	private static StringType keepArm(StringType sent, StringType stored) {
		if (!sent.hasValue() || ArmMasking.isMasked(sent)) {
			return stored.copy();
		}
		requireNoArm(sent, stored);
		return sent;
	}

	private static void requireNoArm(StringType sent, StringType stored) {
		if (sent.hasValue() && (stored == null || !sent.getValue().equals(stored.getValue()))) {
			throw BlindingRefusal
				.forbidden("Blinded users cannot set or change a treatment arm; $randomize assigns arms");
		}
	}

	private static void dropMasked(ResearchSubject subject) {
		if (ArmMasking.isMasked(subject.getAssignedArmElement())) {
			subject.setAssignedArmElement(null);
		}
		if (ArmMasking.isMasked(subject.getActualArmElement())) {
			subject.setActualArmElement(null);
		}
	}

	private static void keepProduct(MedicationAdministration sent, MedicationAdministration stored) {
		boolean storedMasked = ArmMasking.namesStudyCellProduct(stored.getMedication());
		if (ArmMasking.namesStudyCellProduct(sent.getMedication())) {
			if (!storedMasked || !sent.getMedication().equalsDeep(stored.getMedication())) {
				throw BlindingRefusal.forbidden("Blinded users cannot name the study cell product");
			}
			return;
		}
		if (storedMasked && ArmMasking.isMaskedProduct(sent.getMedication())) {
			sent.setMedication(stored.getMedication().copy());
			if (ArmMasking.isMasked(sent.getDosage().getDose()) || !sent.getDosage().hasDose()) {
				sent.getDosage().setDose(stored.getDosage().getDose().copy());
			}
		}
	}

	private static void refuseArmSearchParameter(IBaseResource resource) {
		if (resource instanceof SearchParameter parameter && parameter.hasExpression()
				&& (parameter.getExpression().contains("assignedArm")
						|| parameter.getExpression().contains("actualArm"))) {
			throw BlindingRefusal.forbidden("Blinded users cannot define search parameters over treatment arms");
		}
	}

}
