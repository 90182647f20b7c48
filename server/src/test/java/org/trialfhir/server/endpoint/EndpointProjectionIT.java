package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodes.RecistResponse;
import org.trialfhir.profiles.TrialExtensions;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.SampleResources;
import org.trialfhir.server.analysis.survival.SurvivalObservation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The endpoint projection stays right under corrections, deletions, failed transactions
 * and a rebuild, checked through the operations over HTTP.
 */
class EndpointProjectionIT extends FhirServerIT {

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private DaoRegistry daos;

	@Autowired
	private EndpointProjectionStore store;

	@Autowired
	private JdbcTemplate jdbc;

	private HandBuiltTrial trial;

	@BeforeEach
	void storeTrial() {
		trial = HandBuiltTrial.store(client);
	}

	@Test
	void correctedDeathDateIsReflected() {
		Patient patient = client.read().resource(Patient.class).withId(trial.ids.get("C1/patient")).execute();
		patient.setDeceased(new DateTimeType(HandBuiltTrial.CONTROL_ORIGIN.plusDays(110).toString()));
		client.update().resource(patient).execute();

		List<SurvivalObservation> expected = replace(HandBuiltTrial.expected(SurvivalEndpoint.OS, false, false), "C1",
				110, true);
		EndpointOperationsIT.assertSurvival(survival(SurvivalEndpoint.OS), expected, 60, false);
	}

	@Test
	void correctedResponseIsReflected() {
		Observation assessment = client.read().resource(Observation.class).withId(trial.ids.get("R2@84")).execute();
		RecistResponse pd = RecistResponse.PD;
		assessment.setValue(new CodeableConcept(new Coding(pd.system(), pd.code(), pd.display())));
		client.update().resource(assessment).execute();

		EndpointOperationsIT.assertSurvival(survival(SurvivalEndpoint.PFS),
				replace(HandBuiltTrial.expected(SurvivalEndpoint.PFS, false, false), "R2", 84, true), 60, false);
		EndpointOperationsIT.assertSurvival(survival(SurvivalEndpoint.TTP),
				replace(HandBuiltTrial.expected(SurvivalEndpoint.TTP, false, false), "R2", 84, true), 60, false);
	}

	@Test
	void deletedAssessmentIsForgotten() {
		client.delete().resourceById(trial.ids.get("C3@126")).execute();

		// C3 now has PR on days 42 and 84 only
		EndpointOperationsIT.assertSurvival(survival(SurvivalEndpoint.PFS),
				replace(HandBuiltTrial.expected(SurvivalEndpoint.PFS, false, false), "C3", 84, false), 60, false);
		Parameters rates = operation(TrialOperations.RESPONSE_RATE);
		assertThat(EndpointOperationsIT.partInt(EndpointOperationsIT.arm(rates, HandBuiltTrial.CONTROL), "responders"))
			.isEqualTo(1);
	}

	@Test
	void lateArrivingAssessmentIsReflected() {
		Reference patient = new Reference(trial.ids.get("R4/patient"));
		client.create()
			.resource(HandBuiltTrial.tumourResponse(patient, HandBuiltTrial.RAK_ORIGIN.plusDays(70), RecistResponse.PD))
			.execute();

		EndpointOperationsIT.assertSurvival(survival(SurvivalEndpoint.PFS),
				replace(HandBuiltTrial.expected(SurvivalEndpoint.PFS, false, false), "R4", 70, true), 60, false);
	}

	@Test
	void transactionThatFailsHalfWayChangesNothing() {
		Map<String, String> before = allResults();
		Patient patient = client.read().resource(Patient.class).withId(trial.ids.get("R2/patient")).execute();
		patient.setDeceased(new DateTimeType(HandBuiltTrial.RAK_ORIGIN.plusDays(95).toString()));
		AdverseEvent invalid = SampleResources.adverseEvent(new Reference(trial.ids.get("R2/patient")));
		invalid.getExtension().removeIf((e) -> TrialExtensions.AE_GRADE.equals(e.getUrl()));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry()
			.setResource(patient)
			.getRequest()
			.setMethod(Bundle.HTTPVerb.PUT)
			.setUrl(patient.getIdElement().toUnqualifiedVersionless().getValue());
		transaction.addEntry()
			.setResource(HandBuiltTrial.tumourResponse(new Reference(trial.ids.get("R2/patient")),
					HandBuiltTrial.RAK_ORIGIN.plusDays(88), RecistResponse.PD))
			.getRequest()
			.setMethod(Bundle.HTTPVerb.POST)
			.setUrl("Observation");
		transaction.addEntry().setResource(invalid).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("AdverseEvent");

		assertThatThrownBy(() -> client.transaction().withBundle(transaction).execute())
			.isInstanceOf(UnprocessableEntityException.class);
		assertThat(allResults()).isEqualTo(before);
	}

	@Test
	void projectionWritesJoinTheResourceTransaction() {
		String patientId = trial.ids.get("R2/patient").getIdPart();
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		transaction.executeWithoutResult((status) -> {
			Patient patient = daos.getResourceDao(Patient.class)
				.read(new IdType("Patient", patientId), new SystemRequestDetails());
			patient.setDeceased(new DateTimeType("2025-06-01"));
			daos.getResourceDao(Patient.class).update(patient, new SystemRequestDetails());
			// the projection row is written on the transaction's own connection
			assertThat(store.deathsOf(List.of(patientId))).containsEntry(patientId, LocalDate.of(2025, 6, 1));
			status.setRollbackOnly();
		});
		assertThat(store.deathsOf(List.of(patientId))).doesNotContainKey(patientId);
	}

	@Test
	void rebuildGivesIdenticalResults() {
		Map<String, String> before = allResults();
		// lose part of the projection, as if the data had been loaded with it switched
		// off
		String c3 = trial.ids.get("C3/patient").getIdPart();
		jdbc.update("DELETE FROM trial_ep_event WHERE patient_id = ?", c3);
		jdbc.update("UPDATE trial_ep_subject SET data_until = NULL WHERE patient_id = ?", c3);
		String c1 = trial.ids.get("C1/patient").getIdPart();
		jdbc.update("UPDATE trial_ep_patient SET death_date = NULL WHERE patient_id = ?", c1);
		jdbc.update("UPDATE trial_ep_subject SET derived_os_days = 1 WHERE patient_id = ?", c1);
		assertThat(allResults()).isNotEqualTo(before);

		Parameters rebuilt = client.operation()
			.onServer()
			.named(TrialOperations.REBUILD_ENDPOINT_PROJECTION)
			.withNoParameters(Parameters.class)
			.execute();

		assertThat(((IntegerType) rebuilt.getParameter(TrialOperations.Out.RESOURCES).getValue()).getValue())
			.isGreaterThanOrEqualTo(52);
		assertThat(allResults()).isEqualTo(before);
	}

	private Map<String, String> allResults() {
		return Map.of("OS", encode(survival(SurvivalEndpoint.OS)), "PFS", encode(survival(SurvivalEndpoint.PFS)), "TTP",
				encode(survival(SurvivalEndpoint.TTP)), "ORR", encode(operation(TrialOperations.RESPONSE_RATE)), "AE",
				encode(operation(TrialOperations.ADVERSE_EVENT_SUMMARY)), "CONSORT",
				encode(operation(TrialOperations.CONSORT)));
	}

	private static String encode(Parameters parameters) {
		return FHIR.newJsonParser().encodeResourceToString(parameters);
	}

	private Parameters survival(SurvivalEndpoint endpoint) {
		return client.operation()
			.onInstance(trial.studyId)
			.named(TrialOperations.SURVIVAL)
			.withParameter(Parameters.class, TrialOperations.In.ENDPOINT,
					new org.hl7.fhir.r4.model.CodeType(endpoint.name()))
			.andParameter(TrialOperations.In.CUTOFF,
					new org.hl7.fhir.r4.model.DateType(HandBuiltTrial.LATE_CUTOFF.toString()))
			.andParameter(TrialOperations.In.HORIZON, new IntegerType(60))
			.useHttpGet()
			.execute();
	}

	private Parameters operation(String name) {
		return client.operation()
			.onInstance(trial.studyId)
			.named(name)
			.withParameters(EndpointOperationsIT.cutoff(HandBuiltTrial.LATE_CUTOFF))
			.useHttpGet()
			.execute();
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
