package org.trialfhir.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.trialfhir.server.security.DevelopmentIssuer;
import org.trialfhir.server.security.SigningKeyFile;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Bearer tokens for the integration tests, signed with the key the server under test
 * trusts:
 * <ul>
 * <li>on H2 (default profile) the server runs the development issuer, and the tests sign
 * with the same key file in its data folder ({@link SigningKeyFile});</li>
 * <li>on PostgreSQL (production profile, where the development issuer is refused) the
 * server is configured like a production server with a static public key
 * ({@code trial.security.public-key-location}) and an issuer URI; the tests hold the
 * private key.</li>
 * </ul>
 * Runs after {@link TestDatabase}, which chooses the data folder.
 */
public class TestTokens implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The audience the server expects (application.yaml default). */
	public static final String AUDIENCE = "trialfhir";

	/** The issuer of the PostgreSQL run. */
	public static final String EXTERNAL_ISSUER = "https://trialfhir.local/test-issuer";

	/** Scopes of the tokens the tests use unless they test scopes. */
	public static final List<String> ALL_SCOPES = List.of("user/*.cruds");

	private static RSAKey key;

	private static String issuer;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if ("postgres".equals(TestDatabase.kind())) {
			Path folder = keyFolder();
			key = SigningKeyFile.loadOrCreate(folder.resolve("signing-key.jwk"));
			Path pem = writePublicKey(key, folder.resolve("public-key.pem"));
			issuer = EXTERNAL_ISSUER;
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("trialfhir-test-tokens",
						Map.of("trial.security.dev-issuer.enabled", "false", "trial.security.issuer-uri",
								EXTERNAL_ISSUER, "trial.security.public-key-location", "file:" + pem)));
		}
		else {
			Path dataDir = Path.of(context.getEnvironment().getRequiredProperty("trial.data-dir"));
			key = SigningKeyFile.loadOrCreate(SigningKeyFile.in(dataDir));
			issuer = DevelopmentIssuer.ISSUER;
		}
	}

	/**
	 * @return an issuer with the server's key
	 */
	public static DevelopmentIssuer signer() {
		return new DevelopmentIssuer(key, AUDIENCE, "roles");
	}

	/**
	 * @return the {@code iss} the server expects
	 */
	public static String issuer() {
		return issuer;
	}

	/**
	 * @param roles role codes
	 * @return a valid token for them with all scopes
	 */
	public static String token(String... roles) {
		return tokenWithScopes(ALL_SCOPES, roles);
	}

	/**
	 * @param scopes SMART scopes
	 * @param roles role codes
	 * @return a valid token
	 */
	public static String tokenWithScopes(List<String> scopes, String... roles) {
		return signer().issue(new DevelopmentIssuer.TokenRequest(issuer, AUDIENCE, "it-" + String.join("-", roles),
				List.of(roles), scopes, Duration.ofHours(1), java.util.Optional.empty()));
	}

	/**
	 * @param claims any claims, also ones the server must refuse
	 * @return them signed with the server's key
	 */
	public static String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path keyFolder() {
		try {
			Path parent = Files.createDirectories(Path.of("target", "it-data").toAbsolutePath());
			return Files.createTempDirectory(parent, "keys-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param key an RSA key pair
	 * @param file where to write its public half
	 * @return the file, PEM-encoded (what {@code trial.security.public-key-location}
	 * reads)
	 */
	public static Path writePublicKey(RSAKey key, Path file) {
		try {
			String base64 = Base64.getMimeEncoder(64, "\n".getBytes())
				.encodeToString(key.toRSAPublicKey().getEncoded());
			Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
