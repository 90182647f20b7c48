package org.trialfhir.server.endpoint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the trial's endpoints, bound from {@code trial.endpoint.*}.
 *
 * @param projection the endpoint projection
 */
@Validated
@ConfigurationProperties("trial.endpoint")
public record EndpointProperties(@NotNull @Valid Projection projection) {

	/**
	 * The endpoint projection kept in step with every write.
	 *
	 * @param enabled whether writes update the projection
	 * ({@code TRIALFHIR_ENDPOINT_PROJECTION_ENABLED}); switch off only to measure what it
	 * costs, and rebuild it before analysing
	 */
	public record Projection(boolean enabled) {
	}

}
