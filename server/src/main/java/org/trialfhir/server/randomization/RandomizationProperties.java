package org.trialfhir.server.randomization;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the concealed randomization, bound from {@code trial.randomization.*}.
 *
 * @param seed the secret seed of the randomization lists
 * ({@code TRIALFHIR_RANDOMIZATION_SEED}); empty: read from {@code keyFile}. Set it (the
 * same on every replica) when several servers share one database.
 * @param keyFile file holding the secret seed when none is configured; created with a
 * random 256-bit seed at first start, readable by its owner only
 * ({@code TRIALFHIR_RANDOMIZATION_KEY_FILE}, default
 * {@code <data-dir>/randomization.key})
 * @param blockSizes the permuted-block sizes drawn at random (each a multiple of the
 * number of arms), e.g. 4 and 6
 */
@Validated
@ConfigurationProperties("trial.randomization")
public record RandomizationProperties(String seed, @NotNull Path keyFile, @NotEmpty List<Integer> blockSizes) {

	/** Never prints the seed. */
	@Override
	public String toString() {
		return "RandomizationProperties[seed=" + ((seed == null || seed.isEmpty()) ? "<key file>" : "<set>")
				+ ", keyFile=" + keyFile + ", blockSizes=" + blockSizes + "]";
	}

}
