package org.trialfhir.server.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the FHIR endpoint, bound from {@code trial.security.*}. Tokens come either
 * from the embedded development issuer ({@code dev-issuer.enabled}, default profile only)
 * or from an external OpenID Connect provider ({@code issuer-uri}, optionally with
 * {@code jwk-set-uri} or a static {@code public-key-location}).
 *
 * @param issuerUri issuer of an external OpenID Connect provider; tokens must carry it as
 * {@code iss}, and its signing keys are discovered from it unless {@code jwkSetUri} or
 * {@code publicKeyLocation} is set ({@code TRIALFHIR_ISSUER_URI})
 * @param jwkSetUri the provider's JWK set, to skip discovery
 * ({@code TRIALFHIR_JWK_SET_URI})
 * @param publicKeyLocation a PEM RSA public key ({@code file:...}) that verifies tokens
 * instead of a JWK set ({@code TRIALFHIR_PUBLIC_KEY_LOCATION})
 * @param audience value the {@code aud} claim must contain ({@code TRIALFHIR_AUDIENCE})
 * @param roleClaim claim holding the caller's roles, a dotted path for nested claims such
 * as Keycloak's {@code realm_access.roles} ({@code TRIALFHIR_ROLE_CLAIM})
 * @param maxTokenLifetime longest validity a token may have ({@code exp - iat}); a token
 * without {@code exp} is refused ({@code TRIALFHIR_MAX_TOKEN_LIFETIME})
 * @param devIssuer the embedded development issuer
 */
@Validated
@ConfigurationProperties("trial.security")
public record TrialSecurityProperties(String issuerUri, String jwkSetUri, String publicKeyLocation,
		@NotBlank String audience, @NotBlank String roleClaim, @NotNull Duration maxTokenLifetime,
		@NotNull @Valid DevIssuer devIssuer) {

	/**
	 * The embedded development issuer: an RSA key generated at first start under
	 * {@code trial.data-dir} and the {@code token} command that signs tokens with it.
	 * Refused under the {@code postgres} (production) profile.
	 *
	 * @param enabled whether tokens of the development issuer are accepted
	 * ({@code TRIALFHIR_DEV_ISSUER})
	 * @param tokenLifetime how long a token printed by the {@code token} command is valid
	 */
	public record DevIssuer(boolean enabled, @NotNull Duration tokenLifetime) {
	}

	boolean hasExternalIssuer() {
		return issuerUri != null && !issuerUri.isBlank();
	}

}
