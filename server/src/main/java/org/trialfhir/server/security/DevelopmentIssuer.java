package org.trialfhir.server.security;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The embedded development issuer: signs bearer tokens (RS256) with the key of
 * {@link SigningKeyFile}. Its tokens carry {@code iss} = {@link #ISSUER}, the configured
 * audience, the roles in the configured role claim and SMART scopes in {@code scope}.
 *
 * @param key the signing key (private and public part)
 * @param audience the {@code aud} of the tokens
 * @param roleClaim name of the claim that carries the roles
 */
public record DevelopmentIssuer(RSAKey key, String audience, String roleClaim) {

	/** {@code iss} of every token of the development issuer. */
	public static final String ISSUER = "https://trialfhir.local/dev-issuer";

	/**
	 * @param request what the token says
	 * @return the signed token (compact JWS)
	 */
	public String issue(TokenRequest request) {
		Instant now = Instant.now();
		Instant issued = request.notBefore().orElse(now);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(request.issuer())
			.subject(request.subject())
			.audience(request.audience())
			.issueTime(Date.from(issued))
			.notBeforeTime(Date.from(issued))
			.expirationTime(Date.from(now.plus(request.lifetime())))
			.jwtID(UUID.randomUUID().toString())
			.claim(roleClaim, List.copyOf(request.roles()))
			.claim("scope", String.join(" ", request.scopes()))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token", ex);
		}
	}

	/**
	 * A token of this issuer for the given roles and scopes, valid from now for
	 * {@code lifetime}.
	 * @param subject the {@code sub} claim
	 * @param roles role codes
	 * @param scopes SMART scopes
	 * @param lifetime validity
	 * @return the signed token
	 */
	public String issue(String subject, Collection<String> roles, Collection<String> scopes, Duration lifetime) {
		return issue(new TokenRequest(ISSUER, audience, subject, List.copyOf(roles), List.copyOf(scopes), lifetime,
				java.util.Optional.empty()));
	}

	/**
	 * @return the public key that verifies the tokens
	 */
	public RSAPublicKey publicKey() {
		try {
			return key.toRSAPublicKey();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Unusable signing key", ex);
		}
	}

	/**
	 * The claims of one token (tests use every field to build invalid tokens).
	 *
	 * @param issuer {@code iss}
	 * @param audience {@code aud}
	 * @param subject {@code sub}
	 * @param roles values of the role claim
	 * @param scopes SMART scopes, joined into {@code scope}
	 * @param lifetime {@code exp} - now (negative: already expired)
	 * @param notBefore {@code nbf} and {@code iat}; empty: now
	 */
	public record TokenRequest(String issuer, String audience, String subject, List<String> roles, List<String> scopes,
			Duration lifetime, java.util.Optional<Instant> notBefore) {
	}

}
