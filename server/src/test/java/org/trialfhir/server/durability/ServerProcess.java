package org.trialfhir.server.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The server jar run as a separate operating-system process, the way it runs in
 * production, so that a test can kill it with {@code SIGKILL} and start it again on the
 * same data.
 */
final class ServerProcess {

	private final Path jar;

	private final Map<String, String> environment;

	private final Path log;

	private final int port;

	private Process process;

	/**
	 * @param environment the server's configuration as environment variables (database,
	 * token issuer)
	 * @param log file the server's output is appended to
	 */
	ServerProcess(Map<String, String> environment, Path log) {
		this.jar = serverJar();
		this.port = freePort();
		this.environment = new HashMap<>(environment);
		this.environment.put("TRIALFHIR_PORT", Integer.toString(port));
		this.log = log;
	}

	/**
	 * @return the FHIR base URL
	 */
	String baseUrl() {
		return "http://localhost:" + port + "/fhir";
	}

	/**
	 * Starts the server and waits until it reports itself ready (readiness probe UP: the
	 * application has started completely, not merely opened its port).
	 * @param timeout how long to wait at most
	 */
	void start(Duration timeout) {
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx1g", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + jar, ex);
		}
		awaitReady(timeout);
	}

	/** Kills the server with SIGKILL: no shutdown hook, no flush, no graceful close. */
	void killHard() {
		process.destroyForcibly();
		waitForExit();
	}

	/** Stops the server with SIGTERM (graceful shutdown). */
	void stop() {
		if (process != null && process.isAlive()) {
			process.destroy();
			waitForExit();
		}
	}

	/**
	 * @return the operating-system process id of the running server
	 */
	long pid() {
		return process.pid();
	}

	private void waitForExit() {
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The server exited with " + process.exitValue() + "; see " + log);
			}
			try {
				HttpResponse<Void> response = http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause();
		}
		throw new IllegalStateException("The server did not answer within " + timeout + "; see " + log);
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path serverJar() {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files
				.filter(file -> file.getFileName().toString().matches("trialfhir-server-.*\\.jar")
						&& !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No server jar in target/: run the package phase first"))
				.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
