package org.trialfhir.server.blinding;

import java.util.List;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.trialfhir.profiles.TrialExtensions;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.server.security.TrialCallers;

/**
 * Only {@code $unblind} writes emergency-unblinding records
 * ({@link TrialExtensions#EMERGENCY_UNBLINDING}) on a ResearchSubject, whatever the
 * caller's role: a forged record would claim an unblinding that never happened, a removed
 * one would hide one that did. For writes over the API (also inside transactions):
 * creating a subject with a record is refused; an update that leaves the records out
 * keeps the stored ones; an update that sends records other than the stored ones is
 * refused ({@code 403}, nothing stored). The server's own writes are not checked.
 */
@Interceptor(order = BlindedWriteGuard.BEFORE_VALIDATION)
public class UnblindingRecordGuard {

	private final TrialCallers callers;

	public UnblindingRecordGuard(TrialCallers callers) {
		this.callers = callers;
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = BlindedWriteGuard.BEFORE_VALIDATION)
	void beforeCreate(RequestDetails request, IBaseResource resource) {
		if (resource instanceof ResearchSubject subject && appliesTo(request) && !records(subject).isEmpty()) {
			throw refused();
		}
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = BlindedWriteGuard.BEFORE_VALIDATION)
	void beforeUpdate(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		if (!(resource instanceof ResearchSubject subject) || !(previous instanceof ResearchSubject stored)
				|| !appliesTo(request)) {
			return;
		}
		List<Extension> sent = records(subject);
		List<Extension> kept = records(stored);
		if (sent.isEmpty()) {
			kept.forEach(record -> subject.addExtension(record.copy()));
			return;
		}
		if (sent.size() != kept.size() || !sameRecords(sent, kept)) {
			throw refused();
		}
	}

	private boolean appliesTo(RequestDetails hookRequest) {
		// the server's own write for $unblind runs inside the HTTP request of $unblind
		RequestDetails request = callers.behind(hookRequest);
		return request instanceof ServletRequestDetails && !TrialOperations.UNBLIND.equals(request.getOperation());
	}

	private static List<Extension> records(ResearchSubject subject) {
		return subject.getExtensionsByUrl(TrialExtensions.EMERGENCY_UNBLINDING);
	}

	private static boolean sameRecords(List<Extension> sent, List<Extension> kept) {
		for (int i = 0; i < sent.size(); i++) {
			if (!sent.get(i).equalsDeep(kept.get(i))) {
				return false;
			}
		}
		return true;
	}

	private static ForbiddenOperationException refused() {
		return BlindingRefusal.forbidden(
				"Emergency-unblinding records are written by $unblind only; they cannot be set, changed or removed");
	}

}
