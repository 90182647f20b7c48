package org.trialfhir.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token that does not say when it expires ({@code exp}) or that is valid for
 * longer than the configured maximum: {@code exp - iat}, or {@code exp - now} for a token
 * without {@code iat}. Spring's timestamp validator checks that {@code exp} has not
 * passed but accepts a token without it, which would then be valid for ever.
 */
final class TokenLifetime implements OAuth2TokenValidator<Jwt> {

	private final Duration maximum;

	private final Clock clock;

	TokenLifetime(Duration maximum, Clock clock) {
		this.maximum = maximum;
		this.clock = clock;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		Instant expires = token.getExpiresAt();
		if (expires == null) {
			return refused("The token has no expiry (exp)");
		}
		Instant issued = token.getIssuedAt() != null ? token.getIssuedAt() : this.clock.instant();
		if (Duration.between(issued, expires).compareTo(this.maximum) > 0) {
			return refused("The token is valid for longer than " + this.maximum.toHours() + " h");
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult refused(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
