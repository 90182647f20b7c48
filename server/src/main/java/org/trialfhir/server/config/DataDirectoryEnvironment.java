package org.trialfhir.server.config;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Publishes {@code trial.data-dir} as an absolute, normalized path under
 * {@code trial.data-dir-absolute}, so that the embedded H2 URL works whatever form the
 * configured folder takes (H2 refuses implicitly relative paths such as {@code data}).
 */
class DataDirectoryEnvironment implements EnvironmentPostProcessor {

	static final String DATA_DIR = "trial.data-dir";

	static final String DATA_DIR_ABSOLUTE = "trial.data-dir-absolute";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String configured = environment.getProperty(DATA_DIR, "./data");
		String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
		environment.getPropertySources()
			.addLast(new MapPropertySource("trialfhir-data-dir", Map.of(DATA_DIR_ABSOLUTE, absolute)));
	}

}
