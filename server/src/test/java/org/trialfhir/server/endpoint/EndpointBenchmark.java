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
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
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

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Endpoint benchmark, three parts, each on a freshly started server:
 * <ol>
 * <li>Ingestion with the endpoint projection on, then off (same database): {@code ingest}
 * synthetic subjects of about 40 resources each, one FHIR transaction per subject, 4
 * client threads; resources per second and their ratio.</li>
 * <li>On the study loaded with the projection on: {@code $survival} over HTTP against the
 * alternative a researcher has today, paging all ResearchSubjects (with their Patients)
 * and tumour-response Observations out over REST and computing locally.</li>
 * <li>For each of {@code sizes}: a study whose projection rows (subjects, patients and
 * about 40 events each) are bulk-inserted with JDBC, computed by the same derivation code
 * (loading that many subjects through REST does not fit a benchmark run); each operation
 * timed once right after server start (cold JVM; database caches not dropped) and then
 * warm (median of 5).</li>
 * </ol>
 *
 * <pre>
 * SPRING_PROFILES_ACTIVE=postgres TRIALFHIR_DB_URL=jdbc:postgresql://host/db \
 *   ./mvnw -pl server -Pendpoint-benchmark test-compile exec:exec [-Dingest=200 -Dsizes=1000,10000,100000]
 * </pre>
 */
public final class EndpointBenchmark {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private static final LocalDate CUTOFF = LocalDate.of(2026, 1, 1);

	private static final int WARM_RUNS = 5;

	private EndpointBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int ingest = Integer.getInteger("ingest", 200);
		int threads = Integer.getInteger("threads", 4);
		int[] sizes = Arrays.stream(System.getProperty("sizes", "1000,10000,100000").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		Path dataDir = Files.createTempDirectory("trialfhir-endpoint-benchmark");
		System.out.printf("Endpoint benchmark on %s%n",
				System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE", "h2 (" + dataDir + ")"));
		double on;
		double off;
		try (ConfigurableApplicationContext context = start(dataDir, true)) {
			IGenericClient client = client(context);
			on = ingestion(client, ingest, threads, "on ");
			restVersusOperation(client);
		}
		try (ConfigurableApplicationContext context = start(dataDir, false)) {
			off = ingestion(client(context), ingest, threads, "off");
		}
		System.out.printf("ingestion ratio projection on/off: %.2f%n", on / off);
		try (ConfigurableApplicationContext context = start(dataDir, true)) {
			IGenericClient client = client(context);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			for (int size : sizes) {
				IdType study = newStudy(client);
				long start = System.nanoTime();
				bulkInsert(jdbc, study.getIdPart(), size);
				System.out.printf("%n%,d subjects: projection rows inserted in %.1f s%n", size,
						(System.nanoTime() - start) / 1e9);
				timeOperations(client, study);
			}
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, boolean projection) {
		return new SpringApplicationBuilder(TrialFhirApplication.class).run("--server.port=0",
				"--trial.data-dir=" + dataDir, "--trial.data-dir-absolute=" + dataDir,
				"--trial.endpoint.projection.enabled=" + projection, "--trial.search-cache.enabled=false",
				"--logging.level.root=WARN");
	}

	private static IGenericClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		FHIR.getRestfulClientFactory().setSocketTimeout(600_000);
		IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
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
		System.out.printf("projection %s: %,d subjects, %,d resources in %.1f s = %.1f resources/s%n", label, subjects,
				resources, seconds, resources / seconds);
		lastLoadedStudy = study;
		return resources / seconds;
	}

	private static IdType lastLoadedStudy;

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
	 * $survival (OS) against paging ResearchSubjects, Patients and Observations out and
	 * computing the same analysis locally.
	 */
	private static void restVersusOperation(IGenericClient client) {
		IdType study = lastLoadedStudy;
		survival(client, study, "OS"); // warm-up
		long start = System.nanoTime();
		Parameters result = survival(client, study, "OS");
		double operation = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		SurvivalReport local = computeLocally(client, study);
		double paging = (System.nanoTime() - start) / 1e9;
		System.out.printf(
				"$survival OS over HTTP: %.3f s (%s subjects); REST paging + local analysis: %.3f s "
						+ "(%d subjects); speed-up %.0fx%n",
				operation, result.getParameter(TrialOperations.Out.SUBJECTS).getValue().primitiveValue(), paging,
				local.subjects(), paging / operation);
	}

	private static SurvivalReport computeLocally(IGenericClient client, IdType study) {
		List<ResearchSubject> subjects = new ArrayList<>();
		Map<String, java.time.LocalDate> deaths = new HashMap<>();
		Bundle page = client.search()
			.forResource(ResearchSubject.class)
			.where(ResearchSubject.STUDY.hasId(study))
			.include(ResearchSubject.INCLUDE_INDIVIDUAL)
			.count(500)
			.returnBundle(Bundle.class)
			.execute();
		while (page != null) {
			for (Bundle.BundleEntryComponent entry : page.getEntry()) {
				Resource resource = entry.getResource();
				if (resource instanceof ResearchSubject subject) {
					subjects.add(subject);
				}
				else if (resource instanceof Patient patient) {
					deaths.put(patient.getIdElement().getIdPart(), EndpointSources.deathDate(patient));
				}
			}
			page = page.getLink(Bundle.LINK_NEXT) == null ? null : client.loadPage().next(page).execute();
		}
		Map<String, List<ClinicalEvent>> events = new HashMap<>();
		page = client.search()
			.forResource(Observation.class)
			.where(Observation.CODE.exactly()
				.systemAndCode(TrialCodeSystems.OBSERVATION_TYPE, TrialCodes.RECIST_OVERALL_RESPONSE))
			.count(500)
			.returnBundle(Bundle.class)
			.execute();
		while (page != null) {
			for (Bundle.BundleEntryComponent entry : page.getEntry()) {
				EndpointSources.clinicalEvent(entry.getResource())
					.ifPresent((e) -> events.computeIfAbsent(e.patientId(), (k) -> new ArrayList<>()).add(e));
			}
			page = page.getLink(Bundle.LINK_NEXT) == null ? null : client.loadPage().next(page).execute();
		}
		List<SubjectEndpoints> facts = new ArrayList<>();
		for (ResearchSubject subject : subjects) {
			SubjectEnrollment enrollment = EndpointSources.enrollment(subject).orElseThrow();
			facts.add(EndpointDerivation.withDefaults()
				.derive(enrollment, deaths.get(enrollment.patientId()),
						events.getOrDefault(enrollment.patientId(), List.of()), CUTOFF));
		}
		ResearchStudy researchStudy = client.read().resource(ResearchStudy.class).withId(study).execute();
		return new SurvivalEndpointAnalysis(SurvivalEndpoint.OS, 365, false, false, TieMethod.EFRON, ConfidenceType.LOG)
			.analyse(StudyDesign.of(researchStudy),
					new StudySnapshot(study.getIdPart(), CUTOFF, java.util.Optional.empty(), facts));
	}

	private static void timeOperations(IGenericClient client, IdType study) {
		Map<String, Runnable> operations = new java.util.LinkedHashMap<>();
		operations.put("$survival OS", () -> survival(client, study, "OS"));
		operations.put("$survival PFS stratified",
				() -> client.operation()
					.onInstance(study)
					.named(TrialOperations.SURVIVAL)
					.withParameters(new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType("PFS"))
						.addParameter(TrialOperations.In.CUTOFF, new DateType(CUTOFF.toString()))
						.addParameter(TrialOperations.In.STRATIFIED, new org.hl7.fhir.r4.model.BooleanType(true)))
					.useHttpGet()
					.execute());
		operations.put("$survival OS early cut-off",
				() -> client.operation()
					.onInstance(study)
					.named(TrialOperations.SURVIVAL)
					.withParameters(new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType("OS"))
						.addParameter(TrialOperations.In.CUTOFF, new DateType("2024-09-01")))
					.useHttpGet()
					.execute());
		operations.put("$response-rate", () -> other(client, study, TrialOperations.RESPONSE_RATE));
		operations.put("$adverse-event-summary", () -> other(client, study, TrialOperations.ADVERSE_EVENT_SUMMARY));
		operations.put("$consort", () -> other(client, study, TrialOperations.CONSORT));
		operations.forEach((name, call) -> {
			long start = System.nanoTime();
			call.run();
			double cold = (System.nanoTime() - start) / 1e6;
			double[] warm = new double[WARM_RUNS];
			for (int i = 0; i < WARM_RUNS; i++) {
				start = System.nanoTime();
				call.run();
				warm[i] = (System.nanoTime() - start) / 1e6;
			}
			Arrays.sort(warm);
			System.out.printf("  %-28s first %8.1f ms, warm median %8.1f ms (min %.1f, max %.1f)%n", name, cold,
					warm[WARM_RUNS / 2], warm[0], warm[WARM_RUNS - 1]);
		});
	}

	private static Parameters survival(IGenericClient client, IdType study, String endpoint) {
		return client.operation()
			.onInstance(study)
			.named(TrialOperations.SURVIVAL)
			.withParameters(new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType(endpoint))
				.addParameter(TrialOperations.In.CUTOFF, new DateType(CUTOFF.toString())))
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
