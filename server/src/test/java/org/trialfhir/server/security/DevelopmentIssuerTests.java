package org.trialfhir.server.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.trialfhir.server.config.TrialFhirProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The development issuer: its key survives restarts, the token command signs with the
 * same key the server verifies with, and it cannot run under the production profile.
 */
class DevelopmentIssuerTests {

	@TempDir
	Path dataDir;

	@Test
	void theKeyIsCreatedOnceAndReadBack() {
		Path file = SigningKeyFile.in(dataDir);
		var first = SigningKeyFile.loadOrCreate(file);
		var second = SigningKeyFile.loadOrCreate(file);
		assertThat(first.getKeyID()).isEqualTo(second.getKeyID());
		assertThat(first.isPrivate()).isTrue();
		assertThat(file.toFile().canRead()).isTrue();
	}

	@Test
	void theTokenCommandPrintsATokenTheServerAccepts() {
		PrintStream original = System.out;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		int exit;
		try {
			exit = TokenCommand.run("--role", "investigator", "--data-dir", dataDir.toString());
		}
		finally {
			System.setOut(original);
		}
		assertThat(exit).isZero();
		String token = printed.toString(StandardCharsets.UTF_8).trim();

		Jwt jwt = decoder(new MockEnvironment()).decode(token);
		assertThat(jwt.getIssuer().toString()).isEqualTo(DevelopmentIssuer.ISSUER);
		assertThat(jwt.getAudience()).containsExactly("trialfhir");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("investigator");
		TrialCaller caller = new TrialCallers("roles").of(jwt);
		assertThat(caller.isBlinded()).isTrue();
	}

	@Test
	void anUnknownRoleIsRefusedByTheCommand() {
		PrintStream originalErr = System.err;
		System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		try {
			assertThat(TokenCommand.run("--role", "superuser", "--data-dir", dataDir.toString())).isNotZero();
		}
		finally {
			System.setErr(originalErr);
		}
	}

	@Test
	void anExpiredTokenIsRefused() {
		DevelopmentIssuer issuer = HttpSecurityConfiguration.developmentIssuer(properties(true, ""), fhir());
		String token = issuer.issue(new DevelopmentIssuer.TokenRequest(DevelopmentIssuer.ISSUER, "trialfhir", "late",
				List.of("dsmb"), List.of("user/*.rs"), Duration.ofMinutes(-5),
				java.util.Optional.of(java.time.Instant.now().minusSeconds(3600))));
		assertThatThrownBy(() -> decoder(new MockEnvironment()).decode(token))
			.isInstanceOf(JwtValidationException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void theDevelopmentIssuerCannotRunUnderThePostgresProfile() {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("postgres");
		assertThatThrownBy(() -> decoder(production)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("postgres");
	}

	@Test
	void withoutTheDevelopmentIssuerAnIssuerMustBeConfigured() {
		assertThatThrownBy(
				() -> new HttpSecurityConfiguration().jwtDecoder(properties(false, ""), fhir(), new MockEnvironment()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("issuer-uri");
	}

	@Test
	void theDevelopmentIssuerAndAnExternalIssuerExcludeEachOther() {
		assertThatThrownBy(() -> new HttpSecurityConfiguration()
			.jwtDecoder(properties(true, "https://keycloak.example.org/realms/trial"), fhir(), new MockEnvironment()))
			.isInstanceOf(IllegalStateException.class);
	}

	private JwtDecoder decoder(MockEnvironment environment) {
		return new HttpSecurityConfiguration().jwtDecoder(properties(true, ""), fhir(), environment);
	}

	private static TrialSecurityProperties properties(boolean devIssuer, String issuerUri) {
		return new TrialSecurityProperties(issuerUri, "", "", "trialfhir", "roles", Duration.ofHours(12),
				new TrialSecurityProperties.DevIssuer(devIssuer, Duration.ofHours(8)));
	}

	private TrialFhirProperties fhir() {
		return new TrialFhirProperties(dataDir, null, null, null);
	}

}
