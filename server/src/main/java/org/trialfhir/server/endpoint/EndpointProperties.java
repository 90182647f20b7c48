package org.trialfhir.server.endpoint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the trial's endpoints, bound from {@code trial.endpoint.*}.
 *
 * @param projection the endpoint projection
 * @param resultCache the cache of analysis results
 */
@Validated
@ConfigurationProperties("trial.endpoint")
public record EndpointProperties(@NotNull @Valid Projection projection, @NotNull @Valid ResultCache resultCache) {

	/**
	 * The endpoint projection kept in step with every write.
	 *
	 * @param enabled whether writes update the projection
	 * ({@code TRIALFHIR_ENDPOINT_PROJECTION_ENABLED}); switch off only to measure what it
	 * costs, and rebuild it before analysing
	 */
	public record Projection(boolean enabled) {
	}

	/**
	 * Results of {@code $survival} kept in memory per study, cut-off, parameters and
	 * projection version; any write to the study's data changes the version, so a cached
	 * result is never stale.
	 *
	 * @param maxEntries results kept at most per server
	 * ({@code TRIALFHIR_ENDPOINT_RESULT_CACHE_MAX_ENTRIES}); 0 turns the cache off
	 */
	public record ResultCache(@Min(0) int maxEntries) {
	}

}
