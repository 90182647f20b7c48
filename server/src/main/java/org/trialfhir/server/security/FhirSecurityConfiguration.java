package org.trialfhir.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Reference;
import org.trialfhir.server.blinding.BlindedSearchGuard;
import org.trialfhir.server.blinding.BlindedWriteGuard;
import org.trialfhir.server.blinding.BlindingConsentService;
import org.trialfhir.server.blinding.ConsentServerHooks;
import org.trialfhir.server.blinding.UnblindingRecordGuard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a valid token may do inside the FHIR server, and what it may see:
 * <ul>
 * <li>{@link TrialAuthorization}: roles and SMART scopes, on the REST server;</li>
 * <li>{@link BlindingConsentService}: masking for blinded callers, through HAPI's consent
 * interceptor on the <em>global</em> interceptor service (so that DAO-level reads are
 * covered) with its request-level hooks on the REST server
 * ({@link ConsentServerHooks});</li>
 * <li>{@link BlindedWriteGuard}: no arm set or changed by blinded callers (global);</li>
 * <li>{@link UnblindingRecordGuard}: emergency-unblinding records written by
 * {@code $unblind} only (global);</li>
 * <li>{@link BlindedSearchGuard}: no search by arm or study product, and no count, for
 * blinded callers in batch entries and conditional matches (global);</li>
 * <li>{@link AuditTrail}: HAPI's BALP interceptor plus refused requests, stored
 * asynchronously; AuditEvents are immutable (global).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class FhirSecurityConfiguration {

	@Bean
	AuditTrail auditTrail(ObjectProvider<DaoRegistry> daos) {
		return new AuditTrail(daos);
	}

	@Bean
	SecuredFhirServer securedFhirServer(RestfulServer server, IInterceptorService interceptors, FhirContext fhirContext,
			TrialCallers callers, AuditTrail audit) {
		ConsentInterceptor consent = new ConsentInterceptor(new BlindingConsentService(callers));
		interceptors.registerInterceptor(consent);
		interceptors.registerInterceptor(new BlindedWriteGuard(callers));
		interceptors.registerInterceptor(new UnblindingRecordGuard(callers));
		interceptors.registerInterceptor(new BlindedSearchGuard(fhirContext, callers));
		// storage hooks for DAO-level changes, the exception hook for refused requests
		interceptors.registerInterceptor(audit);
		server.registerInterceptor(audit);
		server.registerInterceptor(new TrialAuthorization(fhirContext, callers));
		server.registerInterceptor(new ConsentServerHooks(consent, callers));
		server.registerInterceptor(new BalpAuditCaptureInterceptor(audit, new CallerAuditContext(callers)));
		return new SecuredFhirServer(server);
	}

	/**
	 * The FHIR server with authorization, blinding and audit registered.
	 *
	 * @param server the REST server
	 */
	record SecuredFhirServer(RestfulServer server) {
	}

	/** Names the caller in BALP AuditEvents by the token's subject. */
	private record CallerAuditContext(TrialCallers callers) implements IBalpAuditContextServices {

		@Override
		public Reference getAgentClientWho(RequestDetails request) {
			return new Reference().setDisplay("TrialFHIR API client");
		}

		/** References relative to this server: the store refuses absolute ones. */
		@Override
		public String massageResourceIdForStorage(RequestDetails request, IBaseResource resource, IIdType id) {
			return id.toUnqualifiedVersionless().getValue();
		}

		@Override
		public Reference getAgentUserWho(RequestDetails request) {
			TrialCaller caller = callers.of(request);
			return new Reference().setDisplay(caller.subject() + " " + caller.roles());
		}

	}

}
