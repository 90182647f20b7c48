package org.trialfhir.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

class TokenLifetimeTests {

	private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

	private final TokenLifetime lifetime = new TokenLifetime(Duration.ofHours(12), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void tokenWithoutExpiryIsRefused() {
		Jwt token = token().issuedAt(NOW).build();
		assertThat(this.lifetime.validate(token).hasErrors()).isTrue();
		assertThat(this.lifetime.validate(token).getErrors()).first()
			.satisfies((error) -> assertThat(error.getDescription()).contains("exp"));
	}

	@Test
	void tokenWithinTheMaximumIsAccepted() {
		assertThat(this.lifetime.validate(token().issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(12))).build())
			.hasErrors()).isFalse();
		assertThat(this.lifetime.validate(token().expiresAt(NOW.plus(Duration.ofHours(1))).build()).hasErrors())
			.isFalse();
	}

	@Test
	void tokenValidForLongerThanTheMaximumIsRefused() {
		assertThat(this.lifetime.validate(token().issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(13))).build())
			.hasErrors()).isTrue();
		// no iat: counted from now
		assertThat(this.lifetime.validate(token().expiresAt(NOW.plus(Duration.ofDays(365))).build()).hasErrors())
			.isTrue();
		// iat far in the past does not make a long token acceptable
		assertThat(this.lifetime
			.validate(token().issuedAt(NOW.minus(Duration.ofDays(30))).expiresAt(NOW.plus(Duration.ofHours(1))).build())
			.hasErrors()).isTrue();
	}

	private static Jwt.Builder token() {
		return Jwt.withTokenValue("t").header("alg", "RS256").subject("someone");
	}

}
