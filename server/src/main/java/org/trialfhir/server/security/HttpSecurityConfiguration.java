package org.trialfhir.server.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Which HTTP paths need which credentials. Health (liveness, readiness) is public for
 * load balancers; the other actuator endpoints (metrics, info) need the operations user
 * ({@code spring.security.user.*}, HTTP Basic). The FHIR endpoint is stateless and, until
 * bearer-token authentication lands, open.
 */
@Configuration(proxyBeanMethods = false)
class HttpSecurityConfiguration {

	static final String OPS_ROLE = "OPS";

	@Bean
	SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
				.permitAll()
				.anyRequest()
				.hasRole(OPS_ROLE))
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/**
	 * While the FHIR endpoint is open no caller is identified, so none can be told apart
	 * as blinded; bearer-token authentication replaces this with the caller's roles.
	 */
	@Bean
	CallerBlinding callerBlinding() {
		return request -> false;
	}

	@Bean
	SecurityFilterChain fhirSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
