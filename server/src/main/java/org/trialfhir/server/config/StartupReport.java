package org.trialfhir.server.config;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Logs one line when the server is ready: where the FHIR endpoint listens, which database
 * it uses, and how long the start took (since the JVM started, and for the Spring context
 * alone).
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final DataSource dataSource;

	private final TrialFhirProperties properties;

	StartupReport(DataSource dataSource, TrialFhirProperties properties) {
		this.dataSource = dataSource;
		this.properties = properties;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		Duration sinceJvmStart = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
		log.info("TrialFHIR ready at {} | database: {} | ready in {} s (context {} s)", baseUrl(event), database(),
				seconds(sinceJvmStart), seconds(event.getTimeTaken()));
	}

	private String baseUrl(ApplicationReadyEvent event) {
		String configured = properties.fhir().publicBaseUrl();
		if (StringUtils.hasText(configured)) {
			return configured;
		}
		int port = event.getApplicationContext() instanceof WebServerApplicationContext web
				? web.getWebServer().getPort() : -1;
		return "http://localhost:" + port + properties.fhir().path();
	}

	private String database() {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " (" + meta.getURL() + ")";
		}
		catch (SQLException ex) {
			return "unavailable: " + ex.getMessage();
		}
	}

	private static String seconds(Duration duration) {
		return String.format("%.1f", duration.toMillis() / 1000.0);
	}

}
