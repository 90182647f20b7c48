package org.trialfhir.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.trialfhir.server.IgExamples;
import org.trialfhir.server.SampleResources;
import org.trialfhir.server.TrialFhirApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What profile validation costs at ingestion: the same server on the same database,
 * started once with validation on and once with it off, loads the same kind of data (per
 * subject a transaction of Patient, ResearchSubject, BSA Observation, TAS-102
 * administration, tumour assessment and grade-3 adverse event, all conformant) with
 * several client threads; it prints resources per second for each and their ratio.
 *
 * <pre>
 * ./mvnw -pl server -Pingestion-benchmark test-compile exec:exec [-Dsubjects=300 -Dthreads=4]
 * SPRING_PROFILES_ACTIVE=postgres TRIALFHIR_DB_URL=... ./mvnw -pl server -Pingestion-benchmark test-compile exec:exec
 * </pre>
 */
public final class ValidationIngestionBenchmark {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private ValidationIngestionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int subjects = Integer.getInteger("subjects", 300);
		int threads = Integer.getInteger("threads", 4);
		Path dataDir = Files.createTempDirectory("trialfhir-ingestion-benchmark");
		System.out.printf("Ingestion benchmark: %d subjects x %d resources, %d client threads, database %s%n", subjects,
				subjectBundle(new Reference("ResearchStudy/x")).getEntry().size(), threads,
				System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "h2 (" + dataDir + ")"));
		double on = run(true, subjects, threads, dataDir);
		double off = run(false, subjects, threads, dataDir);
		System.out.printf("validation on : %8.1f resources/s%n", on);
		System.out.printf("validation off: %8.1f resources/s%n", off);
		System.out.printf("ratio on/off  : %8.2f%n", on / off);
	}

	private static double run(boolean validation, int subjects, int threads, Path dataDir) throws Exception {
		// command-line arguments outrank application.yaml (default properties would not)
		BenchmarkTokens tokens = BenchmarkTokens.in(dataDir);
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--trial.data-dir=" + dataDir, "--trial.data-dir-absolute=" + dataDir,
						"--trial.validation.enabled=" + validation, "--logging.level.root=WARN"));
		arguments.addAll(tokens.serverArguments());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TrialFhirApplication.class)
			.run(arguments.toArray(String[]::new))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
			FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
			IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
			client.registerInterceptor(new BearerTokenAuthInterceptor(tokens.token("admin", "unblinded-statistician")));
			client.transaction().withBundle(IgExamples.asTransaction()).execute();
			Reference study = new Reference("ResearchStudy/rak-part-2-randomized");
			load(client, study, Math.max(10, subjects / 10), threads); // warm-up, not
																		// timed
			long start = System.nanoTime();
			int resources = load(client, study, subjects, threads);
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("  validation %-3s: %d resources in %.1f s%n", validation ? "on" : "off", resources,
					seconds);
			return resources / seconds;
		}
	}

	private static int load(IGenericClient client, Reference study, int subjects, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> sent = new ArrayList<>();
			for (int i = 0; i < subjects; i++) {
				sent.add(pool
					.submit(() -> client.transaction().withBundle(subjectBundle(study)).execute().getEntry().size()));
			}
			int resources = 0;
			for (Future<Integer> bundle : sent) {
				resources += bundle.get();
			}
			return resources;
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * One subject's data as an EHR interface would send it: a transaction, conditional on
	 * business identifiers.
	 */
	static Bundle subjectBundle(Reference study) {
		Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
		Reference patient = new Reference("urn:uuid:" + SampleResources.uniqueId());
		Patient person = SampleResources.patient();
		add(bundle, patient.getReference(), person);
		ResearchSubject subject = SampleResources.subject(study, patient);
		add(bundle, null, subject);
		add(bundle, null, SampleResources.bodySurfaceArea(patient));
		add(bundle, null, SampleResources.administration(patient));
		Observation response = IgExamples.get(Observation.class, "tumor-response-li-na-2025-05-19");
		response.setIdElement(null);
		response.setSubject(patient);
		add(bundle, null, response);
		AdverseEvent event = SampleResources.adverseEvent(patient);
		add(bundle, null, event);
		return bundle;
	}

	private static void add(Bundle bundle, String fullUrl, Resource resource) {
		bundle.addEntry()
			.setFullUrl(fullUrl)
			.setResource(resource)
			.getRequest()
			.setMethod(HTTPVerb.POST)
			.setUrl(resource.fhirType());
	}

}
