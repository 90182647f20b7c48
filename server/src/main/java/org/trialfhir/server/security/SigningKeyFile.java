package org.trialfhir.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The signing key of the development issuer: an RSA key pair kept as a JWK in
 * {@code <data-dir>/dev-issuer/signing-key.jwk} (readable by its owner only), generated
 * when the file does not exist yet. The server and the {@code token} command read the
 * same file.
 */
public final class SigningKeyFile {

	private static final String FOLDER = "dev-issuer";

	private static final String FILE = "signing-key.jwk";

	private static final int KEY_BITS = 2048;

	private SigningKeyFile() {
	}

	/**
	 * @param dataDir the server's data folder ({@code trial.data-dir})
	 * @return where the key is kept
	 */
	public static Path in(Path dataDir) {
		return dataDir.resolve(FOLDER).resolve(FILE);
	}

	/**
	 * @param file the key file
	 * @return the key in the file, or a new key written to it
	 */
	public static synchronized RSAKey loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
			}
			RSAKey key = new RSAKeyGenerator(KEY_BITS).keyUse(KeyUse.SIGNATURE)
				.keyID(UUID.randomUUID().toString())
				.generate();
			write(file, key.toJSONString());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the signing key " + file, ex);
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("Unusable signing key " + file, ex);
		}
	}

	private static void write(Path file, String json) throws IOException {
		Files.createDirectories(file.getParent());
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.deleteIfExists(temporary);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(temporary,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Files.writeString(temporary, json, StandardCharsets.UTF_8);
		Files.move(temporary, file);
	}

}
