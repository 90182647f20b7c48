package org.trialfhir.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.trialfhir.server.security.DevelopmentIssuer;
import org.trialfhir.server.security.SigningKeyFile;

/**
 * Tokens for the benchmark commands: a key pair in the benchmark's data folder whose
 * public half the server under test trusts as a static key of an external issuer, so the
 * benchmarks run alike in the default and in the {@code postgres} profile.
 *
 * @param signer signs the tokens
 * @param publicKey the PEM file the server reads
 */
public record BenchmarkTokens(DevelopmentIssuer signer, Path publicKey) {

	static final String ISSUER = "https://trialfhir.local/benchmark-issuer";

	/**
	 * @param dataDir the benchmark's data folder (the key pair is kept there)
	 * @return tokens signed by a key in that folder
	 * @throws IOException if the key cannot be written
	 * @throws JOSEException if the key cannot be read
	 */
	public static BenchmarkTokens in(Path dataDir) throws IOException, JOSEException {
		RSAKey key = SigningKeyFile.loadOrCreate(dataDir.resolve("benchmark-key.jwk"));
		Path pem = dataDir.resolve("benchmark-key.pem");
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toRSAPublicKey().getEncoded());
		Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
		return new BenchmarkTokens(new DevelopmentIssuer(key, "trialfhir", "roles"), pem);
	}

	/**
	 * @return command-line arguments that make the server trust these tokens
	 */
	public List<String> serverArguments() {
		return List.of("--trial.security.dev-issuer.enabled=false", "--trial.security.issuer-uri=" + ISSUER,
				"--trial.security.public-key-location=file:" + publicKey);
	}

	/**
	 * @param roles role codes
	 * @return a token valid for an hour with all scopes
	 */
	public String token(String... roles) {
		return signer.issue(new DevelopmentIssuer.TokenRequest(ISSUER, "trialfhir", "benchmark", List.of(roles),
				List.of("user/*.cruds"), Duration.ofHours(1), java.util.Optional.empty()));
	}

}
