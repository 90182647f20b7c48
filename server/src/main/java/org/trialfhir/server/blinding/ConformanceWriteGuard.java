package org.trialfhir.server.blinding;

import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.trialfhir.server.security.TrialCallers;

/**
 * No blinded principal changes what the server indexes, validates against or delivers:
 * the conformance resources that drive indexing (SearchParameter, CompartmentDefinition),
 * subscriptions (Subscription, SubscriptionTopic), validation and terminology
 * (StructureDefinition, ValueSet, CodeSystem, ConceptMap, NamingSystem,
 * ImplementationGuide, StructureMap) and operations (OperationDefinition) are created,
 * updated, patched and deleted only by an unblinded caller or by the server itself (the
 * IG at start). A blinded caller — a blinded {@code admin} included, who may otherwise
 * write every type — is refused with {@code 403} and an OperationOutcome, nothing stored;
 * in a transaction the whole bundle. The guard sits on the storage pointcuts of the
 * global interceptor service, so every way into the DAOs (REST, batch and transaction
 * entries, PATCH, conditional writes) is covered. (Subscriptions are refused to every
 * caller by the role table as well: deliveries would bypass masking.)
 */
@Interceptor(order = ConformanceWriteGuard.ORDER)
class ConformanceWriteGuard {

	/** Before the write guards and validation of the security package. */
	static final int ORDER = -200;

	/** The conformance types only unblinded callers and the server write. */
	static final Set<String> CONFORMANCE_TYPES = Set.of("SearchParameter", "CompartmentDefinition", "Subscription",
			"SubscriptionTopic", "StructureDefinition", "ValueSet", "CodeSystem", "ConceptMap", "NamingSystem",
			"ImplementationGuide", "StructureMap", "OperationDefinition");

	private final FhirContext fhirContext;

	private final TrialCallers callers;

	ConformanceWriteGuard(FhirContext fhirContext, TrialCallers callers) {
		this.fhirContext = fhirContext;
		this.callers = callers;
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
	void beforeCreate(RequestDetails request, IBaseResource resource) {
		check(request, resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	void beforeUpdate(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		check(request, resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = ORDER)
	void beforeDelete(RequestDetails request, IBaseResource resource) {
		check(request, resource);
	}

	private void check(RequestDetails hookRequest, IBaseResource resource) {
		if (resource == null || !CONFORMANCE_TYPES.contains(fhirContext.getResourceType(resource))) {
			return;
		}
		// HAPI hands update and transaction hooks an internal request: judge the HTTP one
		if (callers.of(callers.behind(hookRequest)).isBlinded()) {
			throw BlindingRefusal
				.forbidden("Blinded users cannot create, change or delete " + fhirContext.getResourceType(resource)
						+ " resources: they drive indexing, validation or " + "subscriptions");
		}
	}

}
