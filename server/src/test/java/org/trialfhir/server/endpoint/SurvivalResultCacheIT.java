package org.trialfhir.server.endpoint;

import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodes.RecistResponse;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.analysis.survival.SurvivalObservation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code $survival} result cache serves a repeated call from memory, and never after
 * the data it was computed from changed: each write below is followed by a call with the
 * same parameters whose result must show it.
 */
class SurvivalResultCacheIT extends FhirServerIT {

	@Autowired
	private SurvivalResults results;

	@Autowired
	private EndpointProjectionStore store;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private HandBuiltTrial trial;

	@BeforeEach
	void storeTrial() {
		trial = HandBuiltTrial.store(client);
	}

	@Test
	void repeatedCallIsServedFromTheCacheWithTheSameResult() {
		Parameters first = survival(SurvivalEndpoint.OS);
		long hits = results.hits();

		Parameters second = survival(SurvivalEndpoint.OS);

		assertThat(results.hits()).isEqualTo(hits + 1);
		assertThat(encode(second)).isEqualTo(encode(first));
		EndpointOperationsIT.assertSurvival(second, HandBuiltTrial.expected(SurvivalEndpoint.OS, false, false), 60,
				false);
	}

	@Test
	void changedDeathDateIsSeenByTheNextCall() {
		Parameters before = survival(SurvivalEndpoint.OS);
		survival(SurvivalEndpoint.OS);
		long version = store.version(trial.studyId.getIdPart());

		Patient patient = client.read().resource(Patient.class).withId(trial.ids.get("C1/patient")).execute();
		patient.setDeceased(new DateTimeType(HandBuiltTrial.CONTROL_ORIGIN.plusDays(110).toString()));
		client.update().resource(patient).execute();

		assertThat(store.version(trial.studyId.getIdPart())).isGreaterThan(version);
		Parameters after = survival(SurvivalEndpoint.OS);
		assertThat(encode(after)).isNotEqualTo(encode(before));
		EndpointOperationsIT.assertSurvival(after,
				replace(HandBuiltTrial.expected(SurvivalEndpoint.OS, false, false), "C1", 110, true), 60, false);
	}

	@Test
	void lateAssessmentIsSeenByTheNextCall() {
		survival(SurvivalEndpoint.PFS);
		survival(SurvivalEndpoint.PFS);

		client.create()
			.resource(HandBuiltTrial.tumourResponse(new Reference(trial.ids.get("R4/patient")),
					HandBuiltTrial.RAK_ORIGIN.plusDays(70), RecistResponse.PD))
			.execute();

		EndpointOperationsIT.assertSurvival(survival(SurvivalEndpoint.PFS),
				replace(HandBuiltTrial.expected(SurvivalEndpoint.PFS, false, false), "R4", 70, true), 60, false);
	}

	@Test
	void deletedSubjectIsSeenByTheNextCall() {
		survival(SurvivalEndpoint.OS);
		assertThat(subjects(survival(SurvivalEndpoint.OS))).isEqualTo(10);

		client.delete().resourceById(trial.ids.get("R1")).execute();

		assertThat(subjects(survival(SurvivalEndpoint.OS))).isEqualTo(9);
	}

	@Test
	void aRebuildRaisesTheVersionOfEveryStudy() {
		// a rebuild empties the projection with clear(), which first raises every study's
		// version, and refills it in one transaction; the full rebuild is
		// EndpointProjectionIT's (over HTTP; a second full rebuild of every test's data
		// here made one huge H2 transaction). Here: the raise inside a transaction that
		// is
		// rolled back, then a raise that is kept
		String studyId = trial.studyId.getIdPart();
		Parameters before = survival(SurvivalEndpoint.OS);
		long version = store.version(studyId);
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		long inRolledBack = transaction.execute(status -> {
			status.setRollbackOnly();
			store.raiseEveryStudyVersion();
			return store.version(studyId);
		});
		assertThat(inRolledBack).isGreaterThan(version);
		assertThat(store.version(studyId)).as("rolled back").isEqualTo(version);

		transaction.executeWithoutResult(status -> store.raiseEveryStudyVersion());
		assertThat(store.version(studyId)).isGreaterThan(version);
		long hits = results.hits();
		assertThat(encode(survival(SurvivalEndpoint.OS))).as("computed afresh, same result").isEqualTo(encode(before));
		assertThat(results.hits()).as("not served from the cache").isEqualTo(hits);
	}

	@Test
	void blindedCallerGetsThePooledResultAfterAnUnblindedOne() {
		survival(SurvivalEndpoint.OS);

		Parameters blinded = clientAs("investigator").operation()
			.onInstance(trial.studyId)
			.named(TrialOperations.SURVIVAL)
			.withParameters(parameters(SurvivalEndpoint.OS))
			.useHttpGet()
			.execute();

		assertThat(((BooleanType) blinded.getParameter(TrialOperations.Out.POOLED).getValue()).booleanValue()).isTrue();
		assertThat(blinded.getParameter().stream().filter((p) -> p.getName().equals(TrialOperations.Out.ARM)).count())
			.isEqualTo(1);
	}

	private Parameters survival(SurvivalEndpoint endpoint) {
		return client.operation()
			.onInstance(trial.studyId)
			.named(TrialOperations.SURVIVAL)
			.withParameters(parameters(endpoint))
			.useHttpGet()
			.execute();
	}

	private static Parameters parameters(SurvivalEndpoint endpoint) {
		return new Parameters().addParameter(TrialOperations.In.ENDPOINT, new CodeType(endpoint.name()))
			.addParameter(TrialOperations.In.CUTOFF, new DateType(HandBuiltTrial.LATE_CUTOFF.toString()))
			.addParameter(TrialOperations.In.HORIZON, new IntegerType(60));
	}

	private static int subjects(Parameters result) {
		return ((IntegerType) result.getParameter(TrialOperations.Out.SUBJECTS).getValue()).getValue();
	}

	private static String encode(Parameters parameters) {
		return FHIR.newJsonParser().encodeResourceToString(parameters);
	}

	/** The expected observations with one subject's outcome replaced. */
	private static List<SurvivalObservation> replace(List<SurvivalObservation> expected, String code, int days,
			boolean event) {
		List<SurvivalObservation> replaced = new ArrayList<>(expected);
		for (int i = 0; i < HandBuiltTrial.SUBJECTS.size(); i++) {
			if (HandBuiltTrial.SUBJECTS.get(i).code().equals(code)) {
				SurvivalObservation old = replaced.get(i);
				replaced.set(i, new SurvivalObservation(days, event, old.group(), old.stratum()));
			}
		}
		return replaced;
	}

}
