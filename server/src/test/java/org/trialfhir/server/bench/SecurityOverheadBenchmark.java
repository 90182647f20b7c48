package org.trialfhir.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Reference;
import org.trialfhir.server.IgExamples;
import org.trialfhir.server.TrialFhirApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What authorization, blinding and audit cost at read time. One server, one database: it
 * loads a trial (per subject: Patient, ResearchSubject with an arm, TAS-102
 * administration, adverse event and more), then a blinded investigator's client reads and
 * searches with several threads, first with the security interceptors in place
 * (role/scope rules, masking, BALP audit), then with them unregistered from the running
 * server, then with them again; it prints requests per second for reads and searches and
 * the ratio on/off. The bearer token is verified in both (Spring Security's filter
 * stays), so the ratio measures what the FHIR-level security adds.
 *
 * <pre>
 * ./mvnw -pl server -Psecurity-benchmark test-compile exec:exec [-Dsubjects=200 -Dthreads=4 -Dseconds=20]
 * </pre>
 */
public final class SecurityOverheadBenchmark {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private SecurityOverheadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int subjects = Integer.getInteger("subjects", 200);
		int threads = Integer.getInteger("threads", 4);
		int seconds = Integer.getInteger("seconds", 20);
		Path dataDir = Files.createTempDirectory("trialfhir-security-benchmark");
		BenchmarkTokens tokens = BenchmarkTokens.in(dataDir);
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--trial.data-dir=" + dataDir,
				"--trial.data-dir-absolute=" + dataDir, "--logging.level.root=WARN"));
		arguments.addAll(tokens.serverArguments());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TrialFhirApplication.class)
			.run(arguments.toArray(String[]::new))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
			FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
			String base = "http://localhost:" + port + "/fhir";
			IGenericClient loader = client(base, tokens.token("admin", "unblinded-statistician"));
			loader.transaction().withBundle(IgExamples.asTransaction()).execute();
			Reference study = new Reference("ResearchStudy/rak-part-2-randomized");
			Workload workload = load(loader, study, subjects, threads);
			IGenericClient investigator = client(base, tokens.token("investigator"));
			System.out.printf("Security benchmark: %d subjects, %d client threads, %d s per run, database %s%n",
					subjects, threads, seconds,
					System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "h2 (" + dataDir + ")"));

			run(investigator, workload, threads, Math.max(5, seconds / 4), "warm-up");
			Throughput on1 = run(investigator, workload, threads, seconds, "security on");
			Security security = Security.of(context);
			security.unregister();
			Throughput off = run(investigator, workload, threads, seconds, "security off");
			security.register();
			Throughput on2 = run(investigator, workload, threads, seconds, "security on");
			double readsOn = (on1.reads() + on2.reads()) / 2;
			double searchesOn = (on1.searches() + on2.searches()) / 2;
			System.out.printf("reads    on/off: %8.1f / %8.1f per s, ratio %.2f%n", readsOn, off.reads(),
					readsOn / off.reads());
			System.out.printf("searches on/off: %8.1f / %8.1f per s, ratio %.2f%n", searchesOn, off.searches(),
					searchesOn / off.searches());
		}
	}

	private static IGenericClient client(String base, String token) {
		IGenericClient client = FHIR.newRestfulGenericClient(base);
		client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		return client;
	}

	/** Ids to read and patients to search by. */
	private record Workload(List<IdType> subjects, List<IdType> administrations, List<String> patients) {
	}

	private record Throughput(double reads, double searches) {
	}

	private static Workload load(IGenericClient client, Reference study, int subjects, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Bundle>> sent = new ArrayList<>();
			for (int i = 0; i < subjects; i++) {
				sent.add(pool.submit(() -> client.transaction()
					.withBundle(ValidationIngestionBenchmark.subjectBundle(study))
					.execute()));
			}
			List<IdType> subjectIds = new ArrayList<>();
			List<IdType> administrations = new ArrayList<>();
			List<String> patients = new ArrayList<>();
			for (Future<Bundle> bundle : sent) {
				for (BundleEntryComponent entry : bundle.get().getEntry()) {
					IdType id = new IdType(entry.getResponse().getLocation()).toUnqualifiedVersionless();
					switch (id.getResourceType()) {
						case "ResearchSubject" -> subjectIds.add(id);
						case "MedicationAdministration" -> administrations.add(id);
						case "Patient" -> patients.add(id.getValue());
						default -> {
						}
					}
				}
			}
			return new Workload(subjectIds, administrations, patients);
		}
		finally {
			pool.shutdown();
		}
	}

	private static Throughput run(IGenericClient client, Workload workload, int threads, int seconds, String label)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		try {
			List<Future<long[]>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(pool.submit(() -> work(client, workload, end)));
			}
			long reads = 0;
			long searches = 0;
			for (Future<long[]> worker : workers) {
				long[] counts = worker.get();
				reads += counts[0];
				searches += counts[1];
			}
			Throughput throughput = new Throughput(reads / (double) seconds, searches / (double) seconds);
			System.out.printf("  %-12s: %8.1f reads/s, %8.1f searches/s%n", label, throughput.reads(),
					throughput.searches());
			return throughput;
		}
		finally {
			pool.shutdown();
		}
	}

	/** Alternates a read of a subject, a read of an administration and two searches. */
	private static long[] work(IGenericClient client, Workload workload, long end) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long reads = 0;
		long searches = 0;
		while (System.nanoTime() < end) {
			client.read()
				.resource(ResearchSubject.class)
				.withId(workload.subjects().get(random.nextInt(workload.subjects().size())))
				.execute();
			client.read()
				.resource(MedicationAdministration.class)
				.withId(workload.administrations().get(random.nextInt(workload.administrations().size())))
				.execute();
			reads += 2;
			String patient = workload.patients().get(random.nextInt(workload.patients().size()));
			client.search().byUrl("MedicationAdministration?subject=" + patient).returnBundle(Bundle.class).execute();
			client.search()
				.byUrl("ResearchSubject?individual=" + patient + "&_include=ResearchSubject:individual")
				.returnBundle(Bundle.class)
				.execute();
			searches += 2;
		}
		return new long[] { reads, searches };
	}

	/** The security interceptors of the running server, to take out and put back. */
	private record Security(RestfulServer server, IInterceptorService global, List<Object> onServer,
			List<Object> onGlobal) {

		private static final Predicate<Object> SECURITY = interceptor -> interceptor instanceof ConsentInterceptor
				|| interceptor instanceof BalpAuditCaptureInterceptor
				|| interceptor.getClass().getPackageName().equals("org.trialfhir.server.security");

		static Security of(ConfigurableApplicationContext context) {
			RestfulServer server = context.getBean(RestfulServer.class);
			IInterceptorService global = context.getBean(IInterceptorService.class);
			return new Security(server, global,
					server.getInterceptorService().getAllRegisteredInterceptors().stream().filter(SECURITY).toList(),
					global.getAllRegisteredInterceptors().stream().filter(SECURITY).toList());
		}

		void unregister() {
			onServer.forEach(server::unregisterInterceptor);
			onGlobal.forEach(global::unregisterInterceptor);
		}

		void register() {
			onServer.forEach(server::registerInterceptor);
			onGlobal.forEach(global::registerInterceptor);
		}

	}

}
