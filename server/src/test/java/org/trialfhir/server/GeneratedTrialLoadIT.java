package org.trialfhir.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialfhir.fixtures.cli.TrialFixturesCommand;
import org.trialfhir.fixtures.generate.GenerationSummary;
import org.trialfhir.fixtures.generate.SiteIdentifierSystems;
import org.trialfhir.fixtures.generate.TrialConfig;
import org.trialfhir.fixtures.generate.TrialFolder;
import org.trialfhir.fixtures.generate.TrialGenerator;
import org.trialfhir.fixtures.load.BundleLoader;
import org.trialfhir.fixtures.load.LoadOptions;
import org.trialfhir.fixtures.load.LoadProgress;
import org.trialfhir.fixtures.load.LoadSummary;
import org.trialfhir.profiles.TrialCanonical;
import org.trialfhir.profiles.TrialCodes.DoseEscalationDesign;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated trial pushed by the EHR-style loader: every bundle is accepted (the data
 * follow the contract), loading again changes nothing, a rejected bundle is reported and
 * the rest stored, and a loader killed mid-run and run again leaves exactly the full data
 * set. Each test uses its own study code, so its subjects are its own. Short follow-up
 * keeps the bundles under the tests' request size limit and the tests fast.
 */
class GeneratedTrialLoadIT extends FhirServerIT {

	private static final List<String> TYPES = List.of("AdverseEvent", "Encounter", "Location",
			"MedicationAdministration", "Observation", "Patient", "ResearchStudy", "ResearchSubject");

	private static final String GRADE_1 = "\"C41338\"";

	@TempDir
	Path temp;

	@Test
	void loadingTwiceChangesNothing() throws Exception {
		Path trial = this.temp.resolve("twice");
		GenerationSummary generated = TrialGenerator.generate(config("SIM-IT-TWICE", 6), trial);
		boolean siteExisted = siteExists();
		Map<String, Integer> before = counts();

		LoadSummary first = load(trial, 4);
		assertThat(first.failures()).isEmpty();
		assertThat(first.complete()).isTrue();
		assertThat(first.resources()).isEqualTo(generated.totalResources());
		Map<String, Integer> afterFirst = counts();
		assertThat(afterFirst).isEqualTo(expected(before, generated, siteExisted));

		LoadSummary second = load(trial, 4);
		assertThat(second.complete()).isTrue();
		assertThat(second.created()).isZero();
		assertThat(counts()).isEqualTo(afterFirst);
		Patient patient = (Patient) this.client.search()
			.forResource(Patient.class)
			.where(Patient.IDENTIFIER.exactly()
				.systemAndCode(TrialCanonical.SITE_MRN_IDENTIFIER_SYSTEM, "MRN-SIM-IT-TWICE-P2-000001"))
			.returnBundle(Bundle.class)
			.execute()
			.getEntryFirstRep()
			.getResource();
		assertThat(patient.getMeta().getVersionId()).as("no new version on re-send").isEqualTo("1");
	}

	@Test
	void aRejectedBundleIsReportedAndTheRestStored() throws Exception {
		Path trial = this.temp.resolve("rejected");
		GenerationSummary generated = TrialGenerator.generate(config("SIM-IT-REJECT", 3), trial);
		Path broken = null;
		for (Path bundle : TrialFolder.bundlesInLoadOrder(trial).subList(1, generated.bundles())) {
			if (broken == null && Files.readString(bundle).contains(GRADE_1)) {
				broken = bundle;
			}
		}
		assertThat(broken).as("a subject with a grade-1 event").isNotNull();
		// an unknown CTCAE grade code: the profile's required binding rejects it
		Files.writeString(broken, Files.readString(broken).replace(GRADE_1, "\"C99999\""));

		LoadSummary summary = load(trial, 2);
		assertThat(summary.complete()).isFalse();
		assertThat(summary.stored()).isEqualTo(generated.bundles() - 1);
		Path rejected = broken;
		assertThat(summary.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.bundle()).isEqualTo(rejected);
			assertThat(failure.status()).isEqualTo(422);
			assertThat(failure.attempts()).isEqualTo(1);
			assertThat(failure.problem()).contains("error");
		});
	}

	@Test
	void aLoaderKilledMidRunAndRunAgainLeavesExactlyTheFullDataSet() throws Exception {
		Path trial = this.temp.resolve("killed");
		GenerationSummary generated = TrialGenerator.generate(config("SIM-IT-KILL", 10), trial);
		boolean siteExisted = siteExists();
		Map<String, Integer> before = counts();
		int subjectsBefore = before.get("ResearchSubject");

		Process loader = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
				TrialFixturesCommand.class.getName(), "load", "--server", baseUrl(), "--token",
				TestTokens.token(DEFAULT_ROLES), "--threads", "2", trial.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.temp.resolve("loader.log").toFile())
			.start();
		try {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
			while (count(ResearchSubject.class) < subjectsBefore + 3 && System.nanoTime() < deadline
					&& loader.isAlive()) {
				Thread.sleep(200);
			}
		}
		finally {
			loader.destroyForcibly();
			loader.waitFor(1, TimeUnit.MINUTES);
		}
		int subjectsLoadedWhenKilled = count(ResearchSubject.class) - subjectsBefore;
		assertThat(subjectsLoadedWhenKilled).as("killed mid-run")
			.isGreaterThanOrEqualTo(3)
			.isLessThan(generated.doseEscalationSubjects() + generated.randomizedSubjects());

		LoadSummary rerun = load(trial, 2);
		assertThat(rerun.failures()).isEmpty();
		assertThat(rerun.created()).isLessThan(generated.totalResources());
		assertThat(counts()).isEqualTo(expected(before, generated, siteExisted));
	}

	private static TrialConfig config(String studyCode, int subjects) {
		return TrialConfig.withDefaults(subjects, 20261127)
			.withStudyCode(studyCode)
			.withCalendar(LocalDate.of(2025, 4, 1), 30, LocalDate.of(2025, 9, 1))
			// one cohort of three in part 1 (all DLTs: 3+3 stops), to keep the test short
			.withDoseEscalation(DoseEscalationDesign.THREE_PLUS_THREE, List.of(1.0));
	}

	private LoadSummary load(Path trial, int threads) throws IOException, InterruptedException {
		BundleLoader loader = new BundleLoader(
				LoadOptions.of(URI.create(baseUrl()), TestTokens.token(DEFAULT_ROLES), threads), LoadProgress.SILENT);
		return loader.load(TrialFolder.bundlesInLoadOrder(trial));
	}

	private Map<String, Integer> counts() {
		Map<String, Integer> counts = new TreeMap<>();
		for (String type : TYPES) {
			counts.put(type, count(FHIR.getResourceDefinition(type).getImplementingClass()));
		}
		return counts;
	}

	private static Map<String, Integer> expected(Map<String, Integer> before, GenerationSummary generated,
			boolean siteExisted) {
		Map<String, Integer> expected = new TreeMap<>(before);
		generated.resourceCounts().forEach((type, count) -> expected.merge(type, count, Integer::sum));
		if (siteExisted) {
			// the site is shared by every generated trial: matched, not created again
			expected.merge("Location", -1, Integer::sum);
		}
		return expected;
	}

	private boolean siteExists() {
		return !this.client.search()
			.forResource(Location.class)
			.where(Location.IDENTIFIER.exactly()
				.systemAndCode(SiteIdentifierSystems.SITE, SiteIdentifierSystems.SITE_VALUE))
			.returnBundle(Bundle.class)
			.execute()
			.getEntry()
			.isEmpty();
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
