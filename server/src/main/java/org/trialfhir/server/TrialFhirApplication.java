package org.trialfhir.server;

import java.util.Arrays;

import org.trialfhir.server.security.TokenCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * TrialFHIR: a HAPI FHIR JPA (R4) research server for a randomized, double-blind oncology
 * trial.
 *
 * <p>
 * Hibernate is not configured by Spring Boot: HAPI builds its own entity manager factory
 * (see {@code config.JpaPersistenceConfiguration}). HAPI's dependencies also bring Flyway
 * and an Elasticsearch client onto the classpath; neither is used, so their
 * auto-configuration is off.
 */
@SpringBootApplication(exclude = { HibernateJpaAutoConfiguration.class, FlywayAutoConfiguration.class,
		ElasticsearchRestClientAutoConfiguration.class })
@ConfigurationPropertiesScan
public class TrialFhirApplication {

	/**
	 * Starts the server, or with {@code token} as first argument prints a development
	 * bearer token ({@link TokenCommand}) without starting it.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		if (args.length > 0 && TokenCommand.NAME.equals(args[0])) {
			System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(TrialFhirApplication.class, args);
	}

}
