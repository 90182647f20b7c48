package org.trialfhir.server.endpoint;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialfhir.fixtures.generate.GroundTruthCsv;
import org.trialfhir.fixtures.generate.GroundTruthRow;
import org.trialfhir.fixtures.generate.TrialConfig;
import org.trialfhir.fixtures.generate.TrialFolder;
import org.trialfhir.fixtures.generate.TrialGenerator;
import org.trialfhir.fixtures.load.BundleLoader;
import org.trialfhir.fixtures.load.LoadOptions;
import org.trialfhir.fixtures.load.LoadProgress;
import org.trialfhir.fixtures.load.LoadSummary;
import org.trialfhir.profiles.TrialCodes.DoseEscalationDesign;
import org.trialfhir.profiles.TrialCanonical;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.TestTokens;
import org.trialfhir.server.analysis.survival.SurvivalObservation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: a 60-subject trial from the fixture generator, pushed through the REST API
 * by its loader, analysed by the operations and checked against the generator's
 * ground-truth CSV (per-subject facts recomputed into the statistics library, 1e-9).
 */
class GeneratedTrialIT extends FhirServerIT {

	private static final int SUBJECTS = 60;

	@TempDir
	Path folder;

	private List<GroundTruthRow> truth;

	private IdType study;

	private TrialConfig config;

	@BeforeEach
	void generateAndLoad() throws Exception {
		// short follow-up keeps every bundle under the tests' request size limit; one
		// part-1 cohort
		config = TrialConfig.withDefaults(SUBJECTS, 20261127L)
			.withStudyCode("SIM-IT-ENDPOINTS")
			.withCalendar(LocalDate.of(2025, 4, 1), 60, LocalDate.of(2025, 10, 1))
			.withDoseEscalation(DoseEscalationDesign.THREE_PLUS_THREE, List.of(1.0));
		TrialGenerator.generate(config, folder);
		LoadSummary loaded = new BundleLoader(LoadOptions.of(URI.create(baseUrl()), TestTokens.token(DEFAULT_ROLES), 2),
				LoadProgress.SILENT)
			.load(TrialFolder.bundlesInLoadOrder(folder));
		assertThat(loaded.failures()).isEmpty();
		truth = GroundTruthCsv.read(folder.resolve(GroundTruthCsv.FILE_NAME))
			.stream()
			.filter((row) -> row.study().equals(config.randomizedStudyCode()))
			.toList();
		Bundle found = client.search()
			.forResource(ResearchStudy.class)
			.where(ResearchStudy.IDENTIFIER.exactly()
				.systemAndCode(TrialCanonical.STUDY_IDENTIFIER_SYSTEM, config.randomizedStudyCode()))
			.returnBundle(Bundle.class)
			.execute();
		study = (IdType) found.getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless();
	}

	@Test
	void everyOperationAgreesWithTheGroundTruth() {
		assertThat(truth).hasSize(SUBJECTS);
		for (SurvivalEndpoint endpoint : SurvivalEndpoint.values()) {
			for (boolean stratified : List.of(false, true)) {
				Parameters result = operation(TrialOperations.SURVIVAL,
						cutoff().addParameter(TrialOperations.In.ENDPOINT, new CodeType(endpoint.name()))
							.addParameter(TrialOperations.In.HORIZON, new IntegerType(180))
							.addParameter(TrialOperations.In.STRATIFIED,
									new org.hl7.fhir.r4.model.BooleanType(stratified)));
				EndpointOperationsIT.assertSurvival(result, expected(endpoint, stratified), 180, stratified);
			}
		}
		Parameters rates = operation(TrialOperations.RESPONSE_RATE, cutoff());
		for (String arm : List.of(HandBuiltTrial.RAK, HandBuiltTrial.CONTROL)) {
			ParametersParameterComponent group = EndpointOperationsIT.arm(rates, arm);
			List<GroundTruthRow> rows = truth.stream().filter((r) -> r.arm().equals(arm)).toList();
			assertThat(EndpointOperationsIT.partInt(group, "subjects")).isEqualTo(rows.size());
			assertThat(EndpointOperationsIT.partInt(group, "responders"))
				.isEqualTo((int) rows.stream().filter(GroundTruthRow::responder).count());
		}
		Parameters safety = operation(TrialOperations.ADVERSE_EVENT_SUMMARY, cutoff());
		for (String arm : List.of(HandBuiltTrial.RAK, HandBuiltTrial.CONTROL)) {
			ParametersParameterComponent group = EndpointOperationsIT.arm(safety, arm);
			List<GroundTruthRow> treated = truth.stream()
				.filter((r) -> r.arm().equals(arm) && r.firstDose() != null)
				.toList();
			assertThat(EndpointOperationsIT.partInt(group, "treated")).isEqualTo(treated.size());
			assertThat(EndpointOperationsIT.countOf(group, "anyAe"))
				.isEqualTo((int) treated.stream().filter((r) -> r.worstAeGrade() > 0).count());
			assertThat(EndpointOperationsIT.countOf(group, "gradeAtLeast3"))
				.isEqualTo((int) treated.stream().filter((r) -> r.worstAeGrade() >= 3).count());
			assertThat(EndpointOperationsIT.countOf(group, "serious"))
				.isEqualTo((int) treated.stream().filter(GroundTruthRow::seriousAe).count());
		}
		Parameters consort = operation(TrialOperations.CONSORT, cutoff());
		assertThat(EndpointOperationsIT.integer(consort, "randomized")).isEqualTo(SUBJECTS);
	}

	private List<SurvivalObservation> expected(SurvivalEndpoint endpoint, boolean stratified) {
		return truth.stream().map((row) -> {
			int days = switch (endpoint) {
				case OS -> row.osDays();
				case PFS -> row.pfsDays();
				case TTP -> row.ttpDays();
			};
			boolean event = switch (endpoint) {
				case OS -> row.osEvent();
				case PFS -> row.pfsEvent();
				case TTP -> row.ttpEvent();
			};
			return new SurvivalObservation(days, event, row.arm(),
					stratified ? row.stratum() : SurvivalObservation.NO_STRATUM);
		}).toList();
	}

	private Parameters cutoff() {
		return new Parameters().addParameter(TrialOperations.In.CUTOFF, new DateType(config.dataCutoff().toString()));
	}

	private Parameters operation(String name, Parameters parameters) {
		return client.operation().onInstance(study).named(name).withParameters(parameters).useHttpGet().execute();
	}

}
