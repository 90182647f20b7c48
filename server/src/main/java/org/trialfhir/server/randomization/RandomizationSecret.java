package org.trialfhir.server.randomization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The secret from which every randomization list is generated. It lives outside the FHIR
 * store (configuration or a key file in the data folder) and no API returns it. Each
 * study gets its own seed, {@code SHA-256(secret, study id)} truncated to 64 bits, so
 * lists of different studies are unrelated.
 */
@Component
public class RandomizationSecret {

	private static final Logger log = LoggerFactory.getLogger(RandomizationSecret.class);

	private final byte[] secret;

	/**
	 * Reads the secret, creating the key file on first start if no seed is configured.
	 * @param properties the randomization configuration
	 */
	public RandomizationSecret(RandomizationProperties properties) {
		String configured = properties.seed();
		this.secret = (configured != null && !configured.isBlank()) ? configured.getBytes(StandardCharsets.UTF_8)
				: readOrCreate(properties.keyFile());
	}

	/**
	 * @param studyId the study's resource id (id part)
	 * @return the seed of that study's randomization list
	 */
	public long seedFor(String studyId) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(secret);
			sha256.update((byte) 0);
			sha256.update(studyId.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(sha256.digest()).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static byte[] readOrCreate(Path keyFile) {
		try {
			if (!Files.exists(keyFile)) {
				create(keyFile);
			}
			String hex = Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
			if (hex.isEmpty()) {
				throw new IllegalStateException("The randomization key file " + keyFile + " is empty");
			}
			return hex.getBytes(StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the randomization key file " + keyFile, ex);
		}
	}

	private static void create(Path keyFile) throws IOException {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		Path parent = keyFile.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try {
			Files.writeString(keyFile, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII,
					StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		}
		catch (FileAlreadyExistsException ex) {
			return; // another process created it first: use theirs
		}
		try {
			Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			log.warn("Cannot restrict the permissions of {} on this file system", keyFile);
		}
		log.info("Created the randomization key file {} (keep it secret and back it up with the database)", keyFile);
	}

	/** Never prints the secret. */
	@Override
	public String toString() {
		return "RandomizationSecret[concealed]";
	}

}
