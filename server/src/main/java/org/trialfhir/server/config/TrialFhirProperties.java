package org.trialfhir.server.config;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Typed configuration of the TrialFHIR server, bound from {@code trial.*} in
 * {@code application.yaml}. Every key has an environment variable (see the configuration
 * table in README.md).
 *
 * @param dataDir folder for the embedded database and other local state
 * ({@code TRIALFHIR_DATA_DIR})
 * @param fhir the FHIR endpoint
 * @param searchCache HAPI's search result cache
 * @param validation validation of writes against the trial profiles
 */
@Validated
@ConfigurationProperties("trial")
public record TrialFhirProperties(@NotNull Path dataDir, @NotNull @Valid Fhir fhir,
		@NotNull @Valid SearchCache searchCache, @NotNull @Valid Validation validation) {

	/**
	 * The FHIR REST endpoint.
	 *
	 * @param path servlet path the FHIR server is mapped to, e.g. {@code /fhir}
	 * @param publicBaseUrl base URL written into links and {@code Location} headers;
	 * empty: taken from each request ({@code TRIALFHIR_BASE_URL})
	 * @param defaultPageSize search page size when the client sends no {@code _count}
	 * @param maxPageSize largest {@code _count} honoured
	 * @param maxRequestSize largest request body accepted; larger bodies get {@code 413}
	 * with an OperationOutcome
	 */
	public record Fhir(@NotNull @Pattern(regexp = "/[a-zA-Z0-9_-]+") String path, String publicBaseUrl,
			@Min(1) int defaultPageSize, @Min(1) int maxPageSize, @NotNull DataSize maxRequestSize) {
	}

	/**
	 * HAPI's search cache: identical searches within {@code reuseFor} reuse the stored
	 * result list. Keep it short or off when several replicas share one database.
	 *
	 * @param enabled whether identical searches reuse cached results
	 * @param reuseFor how long a cached search result may be reused
	 * @param expireAfter how long stored search results (also used for paging) are kept
	 */
	public record SearchCache(boolean enabled, @NotNull Duration reuseFor, @NotNull Duration expireAfter) {
	}

	/**
	 * Validation of every create and update of a profiled resource against its Trial
	 * profile.
	 *
	 * @param enabled whether writes are validated; switch off only to measure what
	 * validation costs
	 */
	public record Validation(boolean enabled) {
	}

}
