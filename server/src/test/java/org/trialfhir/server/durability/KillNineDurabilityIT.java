package org.trialfhir.server.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import ca.uhn.fhir.context.FhirContext;
import com.nimbusds.jose.jwk.RSAKey;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialfhir.server.TestDatabase;
import org.trialfhir.server.TestTokens;
import org.trialfhir.server.durability.SubjectBundleLoad.Answer;
import org.trialfhir.server.security.DevelopmentIssuer;
import org.trialfhir.server.security.SigningKeyFile;

/**
 * Acknowledged means durable: the server jar runs as its own process on the database of
 * this test execution (H2 file or PostgreSQL), two writers push transaction bundles, and
 * the process is killed with {@code SIGKILL} at random moments and started again on the
 * same data. After every restart, each acknowledged bundle must be stored completely,
 * each refused one not at all, and each unanswered one completely or not at all.
 * <p>
 * CI runs a few kills; {@code test-fixtures/fault-test.sh --kills N} runs it at length
 * (system properties {@code trialfhir.fault.kills}, {@code trialfhir.fault.threads},
 * {@code trialfhir.fault.seed}).
 * <p>
 * With {@code trialfhir.fault.postgres-restart} set to a command (fault-test.sh
 * {@code --restart-postgres}: {@code pg_ctlcluster 15 main restart}), each round restarts
 * the PostgreSQL server under load instead of killing the server process: the server must
 * answer again without a restart, and the same check applies (a refused bundle, e.g. a
 * 5xx while the database was away, must not be stored).
 */
class KillNineDurabilityIT {

	private static final Logger log = LoggerFactory.getLogger(KillNineDurabilityIT.class);

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private static final Duration STARTUP = Duration.ofMinutes(6);

	private final int kills = Integer.getInteger("trialfhir.fault.kills", 2);

	private final int threads = Integer.getInteger("trialfhir.fault.threads", 2);

	private final String postgresRestart = System.getProperty("trialfhir.fault.postgres-restart", "");

	private final Random random = new Random(Long.getLong("trialfhir.fault.seed", System.nanoTime()));

	@Test
	void everyAcknowledgedBundleSurvivesKillNine() throws Exception {
		Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data").toAbsolutePath()),
				"fault-");
		RSAKey key = SigningKeyFile.loadOrCreate(work.resolve("signing-key.jwk"));
		ServerProcess server = new ServerProcess(environment(work, key), work.resolve("server.log"));
		String bearer = "Bearer " + token(key);
		SubjectBundleLoad load = new SubjectBundleLoad();
		int checked = 0;
		try {
			server.start(STARTUP);
			for (int kill = 1; kill <= kills; kill++) {
				// the first write after a start warms up validation; then the writers run
				// at full speed
				assertThat(load.pushOne(server.baseUrl(), bearer)).isEqualTo(Answer.ACKNOWLEDGED);
				load.start(server.baseUrl(), bearer, threads);
				Thread.sleep(1000 + random.nextInt(4000));
				String fault;
				if (postgresRestart.isBlank() || !"postgres".equals(TestDatabase.kind())) {
					fault = "kill -9 of pid " + server.pid();
					server.killHard();
					load.stop();
					server.start(STARTUP);
				}
				else {
					fault = "PostgreSQL restart (" + postgresRestart + ")";
					restartPostgres();
					Thread.sleep(2000);
					load.stop();
					awaitAnswer(server.baseUrl(), bearer);
				}
				Map<Integer, Answer> answers = load.answers();
				assertComplete(answers, storedPerBundle(server.baseUrl(), bearer));
				checked = answers.size();
				log.info("kill {}/{} ({}): {} bundles checked, {} acknowledged, {} refused, {} unanswered", kill, kills,
						fault, answers.size(), count(answers, Answer.ACKNOWLEDGED), count(answers, Answer.REFUSED),
						count(answers, Answer.UNKNOWN));
			}
		}
		finally {
			server.stop();
		}
		assertThat(checked).as("bundles sent over all kills").isGreaterThan(2 * kills);
	}

	private void restartPostgres() throws IOException, InterruptedException {
		Process restart = new ProcessBuilder("sh", "-c", postgresRestart).inheritIO().start();
		assertThat(restart.waitFor()).as(postgresRestart).isZero();
	}

	/** The server must serve again once its database is back, without being restarted. */
	private static void awaitAnswer(String baseUrl, String bearer) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		for (int attempt = 0; attempt < 60; attempt++) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/Patient?_count=1"))
				.header("Authorization", bearer)
				.header("Cache-Control", "no-cache")
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				return;
			}
			Thread.sleep(1000);
		}
		throw new AssertionError("The server did not recover within a minute of the database restart");
	}

	private static void assertComplete(Map<Integer, Answer> answers, Map<String, Integer> stored) {
		List<String> broken = new ArrayList<>();
		answers.forEach((number, answer) -> {
			int resources = stored.getOrDefault("b" + number, 0);
			boolean ok = switch (answer) {
				case ACKNOWLEDGED -> resources == SubjectBundleLoad.RESOURCES;
				case REFUSED -> resources == 0;
				case UNKNOWN -> resources == 0 || resources == SubjectBundleLoad.RESOURCES;
			};
			if (!ok) {
				broken.add("bundle " + number + " (" + answer + "): " + resources + " of " + SubjectBundleLoad.RESOURCES
						+ " resources stored");
			}
		});
		assertThat(broken).as("bundles not stored as their client was told").isEmpty();
		assertThat(stored.keySet()).as("stored bundles that were never sent")
			.allMatch(code -> answers.containsKey(Integer.parseInt(code.substring(1))));
	}

	private static long count(Map<Integer, Answer> answers, Answer answer) {
		return answers.values().stream().filter(answer::equals).count();
	}

	/**
	 * Counts the stored resources of each bundle by their tag, over all resources of both
	 * types (the server holds no others).
	 */
	private static Map<String, Integer> storedPerBundle(String baseUrl, String bearer)
			throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		Map<String, Integer> stored = new HashMap<>();
		for (String type : List.of("Patient", "Observation")) {
			String url = baseUrl + "/" + type + "?_count=500&_elements=meta";
			while (url != null) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
					.header("Authorization", bearer)
					// a search cached before the kill must not answer for the data after
					// it
					.header("Cache-Control", "no-cache")
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				Bundle page = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
				for (Bundle.BundleEntryComponent entry : page.getEntry()) {
					for (Coding tag : entry.getResource().getMeta().getTag()) {
						if (SubjectBundleLoad.TAG_SYSTEM.equals(tag.getSystem())) {
							stored.merge(tag.getCode(), 1, Integer::sum);
						}
					}
				}
				url = page.getLink(Bundle.LINK_NEXT) == null ? null : page.getLink(Bundle.LINK_NEXT).getUrl();
			}
		}
		return stored;
	}

	/**
	 * The server's configuration: this execution's database, tokens from a static key.
	 */
	private static Map<String, String> environment(Path work, RSAKey key) {
		Map<String, String> environment = new HashMap<>();
		environment.put("TRIALFHIR_DATA_DIR", work.resolve("data").toString());
		environment.put("TRIALFHIR_DEV_ISSUER", "false");
		environment.put("TRIALFHIR_ISSUER_URI", TestTokens.EXTERNAL_ISSUER);
		environment.put("TRIALFHIR_PUBLIC_KEY_LOCATION",
				"file:" + TestTokens.writePublicKey(key, work.resolve("public-key.pem")));
		if ("postgres".equals(TestDatabase.kind())) {
			environment.put("SPRING_PROFILES_ACTIVE", "postgres");
			environment.putAll(TestDatabase.freshPostgres());
		}
		return environment;
	}

	private static String token(RSAKey key) {
		return new DevelopmentIssuer(key, TestTokens.AUDIENCE, "roles")
			.issue(new DevelopmentIssuer.TokenRequest(TestTokens.EXTERNAL_ISSUER, TestTokens.AUDIENCE, "fault-test",
					List.of("admin", "unblinded-statistician"), TestTokens.ALL_SCOPES, Duration.ofHours(2),
					Optional.empty()));
	}

}
