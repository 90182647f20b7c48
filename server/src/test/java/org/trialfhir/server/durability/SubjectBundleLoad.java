package org.trialfhir.server.durability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Transaction bundles pushed concurrently, each one a patient with its observations,
 * every resource tagged with the bundle's number; for every bundle it records what the
 * client was told: acknowledged (200), refused (an error status), or nothing (the
 * connection broke — the outcome is unknown to the client).
 */
final class SubjectBundleLoad {

	/** Tag system marking the resources of the load. */
	static final String TAG_SYSTEM = "https://trialfhir.local/fault-test";

	/** Observations per bundle. */
	static final int OBSERVATIONS = 5;

	/** Resources per bundle. */
	static final int RESOURCES = OBSERVATIONS + 1;

	/** What the client learnt about a bundle. */
	enum Answer {

		/** 200: the server promised it is stored. */
		ACKNOWLEDGED,
		/** an error status: the server promised it is not stored. */
		REFUSED,
		/** no answer: either outcome is allowed, but all or nothing. */
		UNKNOWN

	}

	private final AtomicInteger next = new AtomicInteger();

	private final Map<Integer, Answer> answers = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ExecutorService writers;

	private final AtomicBoolean running = new AtomicBoolean();

	/**
	 * Starts writers that push bundles until the server goes away or {@link #stop} is
	 * called.
	 * @param baseUrl the FHIR base
	 * @param bearer the Authorization header value
	 * @param threads number of concurrent writers
	 */
	void start(String baseUrl, String bearer, int threads) {
		running.set(true);
		writers = Executors.newFixedThreadPool(threads);
		for (int i = 0; i < threads; i++) {
			writers.submit(() -> push(baseUrl, bearer));
		}
	}

	/**
	 * Waits for the writers to end (after the server was killed, or after stopping them).
	 */
	void stop() {
		running.set(false);
		writers.shutdown();
		try {
			if (!writers.awaitTermination(2, TimeUnit.MINUTES)) {
				throw new IllegalStateException("Writers did not end");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return every bundle sent so far and what its client was told
	 */
	Map<Integer, Answer> answers() {
		return Map.copyOf(answers);
	}

	private void push(String baseUrl, String bearer) {
		while (running.get() && pushOne(baseUrl, bearer) != Answer.UNKNOWN) {
			// until the server goes away
		}
	}

	/**
	 * Sends the next bundle and waits for its answer.
	 * @param baseUrl the FHIR base
	 * @param bearer the Authorization header value
	 * @return what the client was told
	 */
	Answer pushOne(String baseUrl, String bearer) {
		int number = next.incrementAndGet();
		answers.put(number, Answer.UNKNOWN);
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl))
				.timeout(Duration.ofMinutes(2))
				.header("Authorization", bearer)
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(bundle(number)))
				.build(), HttpResponse.BodyHandlers.ofString());
			Answer answer = response.statusCode() == 200 ? Answer.ACKNOWLEDGED : Answer.REFUSED;
			answers.put(number, answer);
			return answer;
		}
		catch (IOException serverGone) {
			return Answer.UNKNOWN;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Answer.UNKNOWN;
		}
	}

	/**
	 * @return the transaction bundle of one subject, every resource tagged with its
	 * number
	 */
	static String bundle(int number) {
		String tag = "\"meta\":{\"tag\":[{\"system\":\"" + TAG_SYSTEM + "\",\"code\":\"b" + number + "\"}]}";
		List<String> entries = new ArrayList<>();
		entries.add("{\"fullUrl\":\"urn:uuid:patient-" + number + "\",\"resource\":{\"resourceType\":\"Patient\"," + tag
				+ ",\"identifier\":[{\"system\":\"urn:trialfhir:fault-test\",\"value\":\"p" + number
				+ "\"}],\"gender\":\"female\",\"birthDate\":\"1960-01-01\"},"
				+ "\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
		for (int i = 0; i < OBSERVATIONS; i++) {
			entries.add("{\"resource\":{\"resourceType\":\"Observation\"," + tag
					+ ",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\"}]},"
					+ "\"subject\":{\"reference\":\"urn:uuid:patient-" + number
					+ "\"},\"effectiveDateTime\":\"2026-01-0" + (i + 1) + "\",\"valueQuantity\":{\"value\":" + (60 + i)
					+ ",\"unit\":\"kg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}},"
					+ "\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}");
		}
		return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", entries) + "]}";
	}

}
