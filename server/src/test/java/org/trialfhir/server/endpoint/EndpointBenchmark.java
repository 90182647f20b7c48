package org.trialfhir.server.endpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.trialfhir.profiles.TrialCodeSystems;
import org.trialfhir.profiles.TrialCodes;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.server.IgExamples;
import org.trialfhir.server.SampleResources;
import org.trialfhir.server.TrialFhirApplication;
import org.trialfhir.server.analysis.survival.ConfidenceType;
import org.trialfhir.server.analysis.survival.TieMethod;
import org.trialfhir.server.bench.BenchmarkTokens;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Endpoint benchmark (every figure is printed with the machine's load average, as other
 * work on the machine skews it):
 * <ol>
 * <li>Ingestion with the endpoint projection on, then off (same database, a fresh server
 * each): {@code ingest} synthetic subjects of about 40 resources each, one FHIR
 * transaction per subject, {@code threads} client threads; resources per second and their
 * ratio (skipped when {@code ingest} is 0).</li>
 * </ol>
 * Then on one freshly started server with profile validation off (it costs writes only;
 * these parts time reads):
 * <ol>
 * <li>For each of {@code sizes}: a study whose projection rows (subjects, patients and
 * about 40 events each) are bulk-inserted with JDBC, computed by the same derivation code
 * (loading 100,000 subjects through REST does not fit a benchmark run); each operation
 * timed once as the first call on the study (the JVM is cold for the first size only;
 * database caches not dropped), then warm (median of 5), and for {@code $survival} also
 * warm with a different horizon each time (a result-cache miss).</li>
 * <li>{@code rest} subjects loaded through REST transactions into a new study:
 * {@code $survival} over HTTP (first call and warm) against the alternative a researcher
 * has today on the same data, paging the study's ResearchSubjects (with their Patients)
 * and all Observations, MedicationAdministrations, AdverseEvents and Encounters out over
 * REST and computing the same analysis locally; both must give the same result (skipped
 * when {@code rest} is 0).</li>
 * </ol>
 *
 * <pre>
 * SPRING_PROFILES_ACTIVE=postgres TRIALFHIR_DB_URL=jdbc:postgresql://host/db \
 *   ./mvnw -pl server -Pendpoint-benchmark test-compile exec:exec \
 *   [-Dingest=200 -Drest=1000 -Dsizes=1000,10000,100000]
 * </pre>
 */
public final class EndpointBenchmark {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private static final LocalDate CUTOFF = LocalDate.of(2026, 1, 1);

	private static final int WARM_RUNS = 5;

	private static final int PAGE = 500;

	private EndpointBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int ingest = Integer.getInteger("ingest", 200);
		int rest = Integer.getInteger("rest", 1000);
		int threads = Integer.getInteger("threads", 4);
		int[] sizes = Arrays.stream(System.getProperty("sizes", "1000,10000,100000").split(","))
			.filter((size) -> !size.isBlank())
			.mapToInt(Integer::parseInt)
			.toArray();
		Path dataDir = Files.createTempDirectory("trialfhir-endpoint-benchmark");
		BenchmarkTokens tokens = BenchmarkTokens.in(dataDir);
		String token = tokens.token("admin", "unblinded-statistician");
		System.out.printf("Endpoint benchmark on %s, %d cores; load average %s%n",
				System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "h2 (" + dataDir + ")"),
				Runtime.getRuntime().availableProcessors(), load());
		if (ingest > 0) {
			double on;
			try (ConfigurableApplicationContext context = start(dataDir, tokens, true, true)) {
				on = ingestion(client(context, token), ingest, threads, "on ");
			}
			try (ConfigurableApplicationContext context = start(dataDir, tokens, false, true)) {
				double off = ingestion(client(context, token), ingest, threads, "off");
				System.out.printf("ingestion ratio projection on/off: %.2f (load %s)%n", on / off, load());
			}
		}
		if (sizes.length == 0 && rest == 0) {
			return;
		}
		// profile validation off: it costs only writes, and the parts below time reads
		try (ConfigurableApplicationContext context = start(dataDir, tokens, true, false)) {
			IGenericClient client = client(context, token);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			for (int size : sizes) {
				IdType study = newStudy(client);
				long start = System.nanoTime();
				bulkInsert(jdbc, study.getIdPart(), size);
				System.out.printf("%n%,d subjects: projection rows inserted in %.1f s (load %s)%n", size,
						(System.nanoTime() - start) / 1e9, load());
				timeOperations(client, study);
			}
			if (rest > 0) {
				restVersusOperation(client, rest, threads);
			}
		}
	}

	/**
	 * @return the 1, 5 and 15 minute load averages, or "n/a" where the system does not
	 * tell
	 */
	private static String load() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "n/a";
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, BenchmarkTokens tokens, boolean projection,
			boolean validation) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--trial.data-dir=" + dataDir, "--trial.data-dir-absolute=" + dataDir,
						"--trial.endpoint.projection.enabled=" + projection, "--trial.validation.enabled=" + validation,
						"--trial.search-cache.enabled=false", "--logging.level.root=WARN"));
		arguments.addAll(tokens.serverArguments());
		return new SpringApplicationBuilder(TrialFhirApplication.class).run(arguments.toArray(String[]::new));
	}

	private static IGenericClient client(ConfigurableApplicationContext context, String token) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		FHIR.getRestfulClientFactory().setSocketTimeout(600_000);
		IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
		client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		client.transaction().withBundle(IgExamples.asTransaction()).execute();
		return client;
	}

	private static IdType newStudy(IGenericClient client) {
		return (IdType) client.create().resource(SampleResources.study()).execute().getId().toUnqualifiedVersionless();
	}

	private static double ingestion(IGenericClient client, int subjects, int threads, String label) throws Exception {
		IdType warmUp = newStudy(client);
		load(client, new Reference(warmUp), 0, Math.max(10, subjects / 10), threads);
		IdType study = newStudy(client);
		long start = System.nanoTime();
		int resources = load(client, new Reference(study), 100_000, subjects, threads);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("projection %s: %,d subjects, %,d resources in %.1f s = %.1f resources/s (load %s)%n", label,
				subjects, resources, seconds, resources / seconds, load());
		return resources / seconds;
	}

	private static int load(IGenericClient client, Reference study, int firstIndex, int subjects, int threads)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger resources = new AtomicInteger();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < subjects; i++) {
			int index = firstIndex + i;
			futures.add(pool.submit(() -> {
				Bundle bundle = SyntheticSubject.of(index).transaction(study);
				client.transaction().withBundle(bundle).execute();
				resources.addAndGet(bundle.getEntry().size());
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		return resources.get();
	}

	/**
	 * $survival (OS) against paging the resources out and computing the same analysis
	 * locally, on a study of {@code subjects} subjects loaded through REST.
	 */
	private static void restVersusOperation(IGenericClient client, int subjects, int threads) throws Exception {
		IdType study = newStudy(client);
		long start = System.nanoTime();
		int resources = load(client, new Reference(study), 1_000_000, subjects, threads);
		System.out.printf("%nREST comparison: %,d subjects, %,d resources loaded through REST transactions in %.1f s "
				+ "(load %s)%n", subjects, resources, (System.nanoTime() - start) / 1e9, load());
		start = System.nanoTime();
		Parameters result = survival(client, study, "OS", 365);
		double first = (System.nanoTime() - start) / 1e9;
		double[] warm = new double[WARM_RUNS];
		for (int i = 0; i < WARM_RUNS; i++) {
			start = System.nanoTime();
			survival(client, study, "OS", 365);
			warm[i] = (System.nanoTime() - start) / 1e9;
		}
		Arrays.sort(warm);
		double operation = warm[WARM_RUNS / 2];
		System.out.printf("  $survival OS over HTTP: first %.3f s, warm median %.3f s (%s subjects) (load %s)%n", first,
				operation, result.getParameter(TrialOperations.Out.SUBJECTS).getValue().primitiveValue(), load());
		LocalAnalysis local = computeLocally(client, study);
		System.out.printf("  REST paging + local analysis: %.3f s (%d subjects, %,d resources paged: %s) (load %s)%n",
				local.seconds(), local.report().subjects(), local.resources(), local.timings(), load());
		System.out.printf("  same result as $survival: %s%n", sameResult(result, local.report()));
		System.out.printf("  speed-up of $survival: %.0fx over the first call, %.0fx warm; "
				+ "paging only ResearchSubjects, Patients and Observations (%.3f s, misses last-known-alive dates): "
				+ "%.0fx / %.0fx (load %s)%n", local.seconds() / first, local.seconds() / operation,
				local.minimalSeconds(), local.minimalSeconds() / first, local.minimalSeconds() / operation, load());
	}

	/**
	 * @return "yes" when the subjects and, per arm, the events, the median and the
	 * log-rank statistic agree
	 */
	private static String sameResult(Parameters operation, SurvivalReport local) {
		List<String> differences = new ArrayList<>();
		int subjects = Integer
			.parseInt(operation.getParameter(TrialOperations.Out.SUBJECTS).getValue().primitiveValue());
		if (subjects != local.subjects()) {
			differences.add("subjects " + subjects + " vs " + local.subjects());
		}
		for (SurvivalReport.ArmSurvival arm : local.arms()) {
			var group = operation.getParameter()
				.stream()
				.filter((p) -> p.getName().equals(TrialOperations.Out.ARM))
				.filter((p) -> arm.arm().equals(part(p, TrialOperations.Out.NAME)))
				.findFirst();
			if (group.isEmpty()) {
				differences.add("arm " + arm.arm() + " missing");
				continue;
			}
			String events = part(group.get(), "events");
			if (!Integer.toString(arm.curve().events()).equals(events)) {
				differences.add(arm.arm() + " events " + events + " vs " + arm.curve().events());
			}
			String median = part(group.get(), "median");
			java.util.OptionalDouble localMedian = arm.median().median();
			boolean sameMedian = (median == null) ? localMedian.isEmpty() : localMedian.isPresent()
					&& Math.abs(Double.parseDouble(median) - localMedian.getAsDouble()) < 1e-9;
			if (!sameMedian) {
				differences.add(arm.arm() + " median " + median + " vs " + localMedian);
			}
		}
		var logRank = operation.getParameter(TrialOperations.Out.LOG_RANK);
		if (logRank != null && local.logRank().isPresent()) {
			double chiSquare = Double.parseDouble(part(logRank, "chiSquare"));
			if (Math.abs(chiSquare - local.logRank().get().test().statistic()) > 1e-9) {
				differences.add("log-rank " + chiSquare + " vs " + local.logRank().get().test().statistic());
			}
		}
		return differences.isEmpty() ? "yes" : "NO " + differences;
	}

	private static String part(Parameters.ParametersParameterComponent group, String name) {
		return group.getPart()
			.stream()
			.filter((p) -> p.getName().equals(name))
			.map((p) -> p.getValue().primitiveValue())
			.findFirst()
			.orElse(null);
	}

	private record LocalAnalysis(SurvivalReport report, double seconds, double minimalSeconds, int resources,
			String timings) {
	}

	private static LocalAnalysis computeLocally(IGenericClient client, IdType study) {
		long begin = System.nanoTime();
		List<ResearchSubject> subjects = new ArrayList<>();
		Map<String, LocalDate> deaths = new HashMap<>();
		int[] paged = { 0 };
		Map<String, Double> timings = new java.util.LinkedHashMap<>();
		long start = System.nanoTime();
		Bundle page = client.search()
			.forResource(ResearchSubject.class)
			.where(ResearchSubject.STUDY.hasId(study))
			.include(ResearchSubject.INCLUDE_INDIVIDUAL)
			.count(PAGE)
			.returnBundle(Bundle.class)
			.execute();
		while (page != null) {
			for (Bundle.BundleEntryComponent entry : page.getEntry()) {
				Resource resource = entry.getResource();
				paged[0]++;
				if (resource instanceof ResearchSubject subject) {
					subjects.add(subject);
				}
				else if (resource instanceof Patient patient) {
					deaths.put(patient.getIdElement().getIdPart(), EndpointSources.deathDate(patient));
				}
			}
			page = next(client, page);
		}
		timings.put("ResearchSubject+Patient", (System.nanoTime() - start) / 1e9);
		Map<String, List<ClinicalEvent>> events = new HashMap<>();
		double minimal = 0;
		for (Class<? extends Resource> type : List.of(Observation.class, MedicationAdministration.class,
				AdverseEvent.class, Encounter.class)) {
			start = System.nanoTime();
			page = client.search().forResource(type).count(PAGE).returnBundle(Bundle.class).execute();
			while (page != null) {
				for (Bundle.BundleEntryComponent entry : page.getEntry()) {
					paged[0]++;
					EndpointSources.clinicalEvent(entry.getResource())
						.ifPresent((e) -> events.computeIfAbsent(e.patientId(), (k) -> new ArrayList<>()).add(e));
				}
				page = next(client, page);
			}
			timings.put(type.getSimpleName(), (System.nanoTime() - start) / 1e9);
			if (type == Observation.class) {
				minimal = (System.nanoTime() - begin) / 1e9;
			}
		}
		long analysis = System.nanoTime();
		List<SubjectEndpoints> facts = new ArrayList<>();
		for (ResearchSubject subject : subjects) {
			SubjectEnrollment enrollment = EndpointSources.enrollment(subject).orElseThrow();
			facts.add(EndpointDerivation.withDefaults()
				.derive(enrollment, deaths.get(enrollment.patientId()),
						events.getOrDefault(enrollment.patientId(), List.of()), CUTOFF));
		}
		ResearchStudy researchStudy = client.read().resource(ResearchStudy.class).withId(study).execute();
		SurvivalReport report = new SurvivalEndpointAnalysis(SurvivalEndpoint.OS, 365, false, false, TieMethod.EFRON,
				ConfidenceType.LOG)
			.analyse(StudyDesign.of(researchStudy),
					new StudySnapshot(study.getIdPart(), CUTOFF, java.util.Optional.empty(), facts));
		double local = (System.nanoTime() - analysis) / 1e9;
		timings.put("local analysis", local);
		String text = timings.entrySet()
			.stream()
			.map((e) -> String.format("%s %.1f s", e.getKey(), e.getValue()))
			.collect(java.util.stream.Collectors.joining(", "));
		return new LocalAnalysis(report, (System.nanoTime() - begin) / 1e9, minimal + local, paged[0], text);
	}

	private static Bundle next(IGenericClient client, Bundle page) {
		return page.getLink(Bundle.LINK_NEXT) == null ? null : client.loadPage().next(page).execute();
	}

	private static void timeOperations(IGenericClient client, IdType study) {
		Map<String, java.util.function.IntConsumer> operations = new java.util.LinkedHashMap<>();
		operations.put("$survival OS", (horizon) -> survival(client, study, "OS", horizon));
		operations.put("$survival PFS stratified",
				(horizon) -> client.operation()
					.onInstance(study)
					.named(TrialOperations.SURVIVAL)
					.withParameters(new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType("PFS"))
						.addParameter(TrialOperations.In.CUTOFF, new DateType(CUTOFF.toString()))
						.addParameter(TrialOperations.In.HORIZON, new IntegerType(horizon))
						.addParameter(TrialOperations.In.STRATIFIED, new BooleanType(true)))
					.useHttpGet()
					.execute());
		operations.put("$survival OS early cut-off",
				(horizon) -> client.operation()
					.onInstance(study)
					.named(TrialOperations.SURVIVAL)
					.withParameters(new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType("OS"))
						.addParameter(TrialOperations.In.CUTOFF, new DateType("2024-09-01"))
						.addParameter(TrialOperations.In.HORIZON, new IntegerType(horizon)))
					.useHttpGet()
					.execute());
		operations.put("$response-rate", (horizon) -> other(client, study, TrialOperations.RESPONSE_RATE));
		operations.put("$adverse-event-summary",
				(horizon) -> other(client, study, TrialOperations.ADVERSE_EVENT_SUMMARY));
		operations.put("$consort", (horizon) -> other(client, study, TrialOperations.CONSORT));
		operations.forEach((name, call) -> {
			double first = time(() -> call.accept(365));
			double[] warm = new double[WARM_RUNS];
			for (int i = 0; i < WARM_RUNS; i++) {
				warm[i] = time(() -> call.accept(365));
			}
			Arrays.sort(warm);
			String misses = "";
			if (name.startsWith("$survival")) {
				double[] miss = new double[WARM_RUNS];
				for (int i = 0; i < WARM_RUNS; i++) {
					int horizon = 366 + i;
					miss[i] = time(() -> call.accept(horizon));
				}
				Arrays.sort(miss);
				misses = String.format(", warm cache miss median %.1f ms", miss[WARM_RUNS / 2]);
			}
			System.out.printf("  %-28s first %8.1f ms, warm median %8.1f ms (min %.1f, max %.1f)%s (load %s)%n", name,
					first, warm[WARM_RUNS / 2], warm[0], warm[WARM_RUNS - 1], misses, load());
		});
	}

	private static double time(Runnable call) {
		long start = System.nanoTime();
		call.run();
		return (System.nanoTime() - start) / 1e6;
	}

	private static Parameters survival(IGenericClient client, IdType study, String endpoint, int horizon) {
		return client.operation()
			.onInstance(study)
			.named(TrialOperations.SURVIVAL)
			.withParameters(new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType(endpoint))
				.addParameter(TrialOperations.In.CUTOFF, new DateType(CUTOFF.toString()))
				.addParameter(TrialOperations.In.HORIZON, new IntegerType(horizon)))
			.useHttpGet()
			.execute();
	}

	private static Parameters other(IGenericClient client, IdType study, String operation) {
		return client.operation()
			.onInstance(study)
			.named(operation)
			.withParameters(new Parameters().addParameter(TrialOperations.In.CUTOFF, new DateType(CUTOFF.toString())))
			.useHttpGet()
			.execute();
	}

	/** The rows the projection would hold for {@code size} synthetic subjects. */
	private static void bulkInsert(JdbcTemplate jdbc, String studyId, int size) {
		List<Object[]> patients = new ArrayList<>();
		List<Object[]> subjects = new ArrayList<>();
		List<Object[]> events = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			SyntheticSubject synthetic = SyntheticSubject.of(i);
			String patientId = "bench-" + studyId + "-" + i;
			List<ClinicalEvent> clinical = synthetic.events(patientId);
			SubjectEnrollment enrollment = synthetic.enrollment(studyId, patientId);
			SubjectEndpoints facts = EndpointDerivation.withDefaults()
				.derive(enrollment, synthetic.death(), clinical, LocalDate.MAX);
			LocalDate until = enrollment.origin();
			for (ClinicalEvent e : clinical) {
				until = e.latestDate().isAfter(until) ? e.latestDate() : until;
				events.add(new Object[] { e.resourceKey() + "-" + studyId, patientId, e.kind().name(),
						Date.valueOf(e.date()), null, e.response() == null ? null : e.response().name(), e.grade(),
						e.serious(), e.termCode(), e.termDisplay() });
			}
			if (synthetic.death() != null && synthetic.death().isAfter(until)) {
				until = synthetic.death();
			}
			patients
				.add(new Object[] { patientId, synthetic.death() == null ? null : Date.valueOf(synthetic.death()) });
			subjects.add(new Object[] { enrollment.subjectId(), studyId, patientId, Date.valueOf(enrollment.origin()),
					enrollment.status(), enrollment.periodEnd() == null ? null : Date.valueOf(enrollment.periodEnd()),
					enrollment.assignedArm(), enrollment.actualArm(), enrollment.stratum(), Date.valueOf(until),
					facts.resources(), facts.os().days(), facts.os().event(), facts.pfs().days(), facts.pfs().event(),
					facts.ttp().days(), facts.ttp().event(), facts.bestResponse().name(),
					facts.firstDose() == null ? null : Date.valueOf(facts.firstDose()), facts.discontinued(),
					AdverseEventTerms.encode(facts.adverseEvents()) });
			if (events.size() >= 20_000 || i == size - 1) {
				flush(jdbc, patients, subjects, events);
			}
		}
	}

	private static void flush(JdbcTemplate jdbc, List<Object[]> patients, List<Object[]> subjects,
			List<Object[]> events) {
		jdbc.batchUpdate("INSERT INTO trial_ep_patient (patient_id, death_date) VALUES (?, ?)", patients);
		jdbc.batchUpdate("INSERT INTO trial_ep_subject (subject_id, study_id, patient_id, origin, status, period_end, "
				+ "assigned_arm, actual_arm, stratum, data_until, derived_resources, derived_os_days, derived_os_event, "
				+ "derived_pfs_days, derived_pfs_event, derived_ttp_days, derived_ttp_event, derived_best_response, "
				+ "derived_first_dose, derived_discontinued, derived_ae_terms) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", subjects);
		jdbc.batchUpdate("INSERT INTO trial_ep_event (resource_key, patient_id, kind, event_date, end_date, response, "
				+ "grade, serious, term_code, term_display) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events);
		patients.clear();
		subjects.clear();
		events.clear();
	}

}
