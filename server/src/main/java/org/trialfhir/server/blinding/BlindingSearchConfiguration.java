package org.trialfhir.server.blinding;

import java.time.Duration;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.trialfhir.server.security.TrialCallers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers what keeps blinded callers from changing what is indexed and from reaching
 * another caller's cached searches: {@link ConformanceWriteGuard} (global interceptor
 * service, so transaction entries and DAO-level writes are covered) and
 * {@link SearchPageOwners} (global for search registration and reuse, on the REST server
 * for page requests).
 */
@Configuration(proxyBeanMethods = false)
class BlindingSearchConfiguration {

	@Bean
	ConformanceWriteGuard conformanceWriteGuard(FhirContext fhirContext, TrialCallers callers,
			IInterceptorService interceptors) {
		ConformanceWriteGuard guard = new ConformanceWriteGuard(fhirContext, callers);
		interceptors.registerInterceptor(guard);
		return guard;
	}

	@Bean
	SearchPageOwners searchPageOwners(TrialCallers callers, JpaStorageSettings settings,
			IInterceptorService interceptors, RestfulServer server) {
		Long expire = settings.getExpireSearchResultsAfterMillis();
		SearchPageOwners owners = new SearchPageOwners(callers,
				Duration.ofMillis((expire != null) ? expire : Duration.ofHours(1).toMillis()));
		interceptors.registerInterceptor(owners);
		server.registerInterceptor(owners);
		return owners;
	}

}
