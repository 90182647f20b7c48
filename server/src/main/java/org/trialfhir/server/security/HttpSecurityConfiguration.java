package org.trialfhir.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.trialfhir.server.config.TrialFhirProperties;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Which HTTP paths need which credentials. Health (liveness, readiness) is public for
 * load balancers; the other actuator endpoints (metrics, info) need the operations user
 * ({@code spring.security.user.*}, HTTP Basic). Every FHIR request needs a valid bearer
 * JWT (signature, issuer, audience, expiry, not-before), except {@code GET /metadata}; a
 * missing or invalid token gets {@code 401} with an OperationOutcome and a
 * {@code WWW-Authenticate: Bearer} header. What a valid token may do is decided inside
 * the FHIR server ({@link FhirSecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class HttpSecurityConfiguration {

	static final String OPS_ROLE = "OPS";

	/** Profile under which the development issuer must not run. */
	static final String PRODUCTION_PROFILE = "postgres";

	@Bean
	@Order(1)
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

	@Bean
	@Order(2)
	SecurityFilterChain fhirSecurity(HttpSecurity http, TrialFhirProperties properties, JwtDecoder decoder,
			FhirContext fhirContext, AuditTrail audit) throws Exception {
		String path = properties.fhir().path();
		OperationOutcomeEntryPoint entryPoint = new OperationOutcomeEntryPoint(fhirContext, audit);
		// path patterns on the whole request path: the FHIR endpoint is its own servlet,
		// not
		// Spring MVC's
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(paths.matcher(path + "/**"))
			.authorizeHttpRequests(
					requests -> requests.requestMatchers(paths.matcher(HttpMethod.GET, path + "/metadata"))
						.permitAll()
						.anyRequest()
						.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(decoder))
				.authenticationEntryPoint(entryPoint))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/** Nothing else is served; error dispatches stay reachable. */
	@Bean
	@Order(3)
	SecurityFilterChain otherPaths(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				requests -> requests.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/error"))
					.permitAll()
					.anyRequest()
					.denyAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/**
	 * The operations user of {@code spring.security.user.*} for the actuator endpoints.
	 * Spring Boot stops providing it once a JWT decoder exists, so it is declared here.
	 */
	@Bean
	InMemoryUserDetailsManager operationsUser(SecurityProperties security) {
		SecurityProperties.User user = security.getUser();
		if (user.isPasswordGenerated()) {
			LoggerFactory.getLogger(HttpSecurityConfiguration.class)
				.warn("Generated password of the operations user '{}': {}", user.getName(), user.getPassword());
		}
		return new InMemoryUserDetailsManager(User.withUsername(user.getName())
			.password("{noop}" + user.getPassword())
			.roles(user.getRoles().toArray(String[]::new))
			.build());
	}

	@Bean
	TrialCallers trialCallers(TrialSecurityProperties security) {
		return new TrialCallers(security.roleClaim());
	}

	/**
	 * Verifies bearer tokens: with the development issuer's key, or with the keys of the
	 * configured OpenID Connect issuer (a static PEM key, its JWK set, or discovered from
	 * the issuer on first use).
	 */
	@Bean
	JwtDecoder jwtDecoder(TrialSecurityProperties security, TrialFhirProperties properties, Environment environment) {
		if (security.devIssuer().enabled()) {
			requireDevelopmentProfile(security, environment);
			DevelopmentIssuer issuer = developmentIssuer(security, properties);
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(issuer.publicKey())
				.signatureAlgorithm(SignatureAlgorithm.RS256)
				.build();
			decoder.setJwtValidator(validator(DevelopmentIssuer.ISSUER, security));
			return decoder;
		}
		if (!security.hasExternalIssuer()) {
			throw new IllegalStateException(
					"No token issuer: set trial.security.issuer-uri (TRIALFHIR_ISSUER_URI) to your OpenID Connect "
							+ "provider, or enable the development issuer outside the postgres profile");
		}
		OAuth2TokenValidator<Jwt> validator = validator(security.issuerUri(), security);
		if (security.publicKeyLocation() != null && !security.publicKeyLocation().isBlank()) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(security.publicKeyLocation()))
				.signatureAlgorithm(SignatureAlgorithm.RS256)
				.build();
			decoder.setJwtValidator(validator);
			return decoder;
		}
		if (security.jwkSetUri() != null && !security.jwkSetUri().isBlank()) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri()).build();
			decoder.setJwtValidator(validator);
			return decoder;
		}
		return new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(security.issuerUri()).build();
			decoder.setJwtValidator(validator);
			return decoder;
		});
	}

	static DevelopmentIssuer developmentIssuer(TrialSecurityProperties security, TrialFhirProperties properties) {
		return new DevelopmentIssuer(SigningKeyFile.loadOrCreate(SigningKeyFile.in(properties.dataDir())),
				security.audience(), security.roleClaim());
	}

	/**
	 * The development issuer signs with a key on the local disk and hands out tokens for
	 * any role: it must never run in production.
	 */
	static void requireDevelopmentProfile(TrialSecurityProperties security, Environment environment) {
		if (environment.matchesProfiles(PRODUCTION_PROFILE)) {
			throw new IllegalStateException("The development token issuer cannot run under the '" + PRODUCTION_PROFILE
					+ "' profile: set trial.security.dev-issuer.enabled=false and trial.security.issuer-uri");
		}
		if (security.hasExternalIssuer()) {
			throw new IllegalStateException(
					"Both the development issuer and trial.security.issuer-uri are configured; choose one");
		}
	}

	private static OAuth2TokenValidator<Jwt> validator(String issuer, TrialSecurityProperties security) {
		String audience = security.audience();
		JwtClaimValidator<List<String>> audienceValidator = new JwtClaimValidator<>(JwtClaimNames.AUD,
				(List<String> values) -> values != null && values.contains(audience));
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceValidator,
				new TokenLifetime(security.maxTokenLifetime(), Clock.systemUTC()));
	}

	private static RSAPublicKey publicKey(String location) {
		try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
			return RsaKeyConverters.x509().convert(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token public key " + location, ex);
		}
	}

	/**
	 * Answers an unauthenticated FHIR request with {@code 401}, the bearer challenge and
	 * an OperationOutcome, and audits the failure.
	 */
	static final class OperationOutcomeEntryPoint implements org.springframework.security.web.AuthenticationEntryPoint {

		private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

		private final FhirContext fhirContext;

		private final AuditTrail audit;

		OperationOutcomeEntryPoint(FhirContext fhirContext, AuditTrail audit) {
			this.fhirContext = fhirContext;
			this.audit = audit;
		}

		@Override
		public void commence(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
				AuthenticationException failure) throws IOException {
			challenge.commence(request, response, failure);
			audit.unauthenticated(request, failure.getMessage());
			OperationOutcome outcome = new OperationOutcome();
			outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(OperationOutcome.IssueType.LOGIN)
				.setDiagnostics("A valid bearer token is required: " + failure.getMessage());
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType("application/fhir+json;charset=UTF-8");
			response.getOutputStream()
				.write(fhirContext.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8));
		}

	}

}
