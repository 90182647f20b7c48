package org.trialfhir.server.blinding;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Set;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import org.hl7.fhir.r4.model.Bundle;
import org.trialfhir.server.security.TrialCallers;

/**
 * The request-level half of the consent interceptor. The {@link ConsentInterceptor} is
 * registered on HAPI's global interceptor service, so that its storage hooks (pre-access,
 * pre-show) see every DAO call; the REST server fires the server pointcuts (request
 * start, outgoing response, completion) only on its own interceptors, so this adapter,
 * registered there, hands them to the same consent interceptor. Registering the consent
 * interceptor in both places instead would run its storage hooks twice per request.
 */
@Interceptor
public class ConsentServerHooks {

	private static final Set<String> MASKED_TYPES = Set.of("ResearchSubject", "MedicationAdministration");

	private final ConsentInterceptor consent;

	private final TrialCallers callers;

	public ConsentServerHooks(ConsentInterceptor consent, TrialCallers callers) {
		this.consent = consent;
		this.callers = callers;
	}

	/**
	 * Unblinded callers skip consent altogether (no masking, counts and totals intact);
	 * for blinded callers the consent interceptor starts its work (and refuses
	 * {@code _summary=count}, a count it could not vouch for).
	 */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	void preHandled(RequestDetails request) {
		callers.serving(request);
		if (!callers.of(request).isBlinded()) {
			ConsentInterceptor.skipAllConsentForRequest(request);
			return;
		}
		refuseMaskedUpdates(request);
		consent.interceptPreHandled(request);
	}

	/**
	 * A blinded caller cannot update or patch the resources that carry arms or the study
	 * product: what it read is masked, and HAPI runs profile validation before the
	 * storage guard on updates, so the guard cannot merge masked values back.
	 */
	private static void refuseMaskedUpdates(RequestDetails request) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		boolean changes = operation == RestOperationTypeEnum.UPDATE || operation == RestOperationTypeEnum.PATCH;
		if (changes && MASKED_TYPES.contains(request.getResourceName())) {
			throw BlindingRefusal.forbidden("Blinded users cannot change a " + request.getResourceName());
		}
	}

	/**
	 * The consent interceptor removes the total of the response bundle; for blinded
	 * callers the totals of the search bundles nested in a batch response go as well.
	 */
	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	void outgoingResponse(RequestDetails request, ResponseDetails response) {
		consent.interceptOutgoingResponse(request, response);
		if (response.getResponseResource() instanceof Bundle bundle && callers.of(request).isBlinded()) {
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				if (entry.getResource() instanceof Bundle nested) {
					nested.setTotalElement(null);
				}
			}
		}
	}

	@Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
	void failed(RequestDetails request, BaseServerResponseException exception) {
		consent.requestFailed(request, exception);
	}

	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
	void done(RequestDetails request) {
		callers.serving(null);
	}

	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED_NORMALLY)
	void succeeded(RequestDetails request) {
		consent.requestSucceeded(request);
	}

}
