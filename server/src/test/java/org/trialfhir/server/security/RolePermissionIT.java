package org.trialfhir.server.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.SampleResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each role can do exactly what its row of the permission table in README.md says: every
 * action is tried by every role, allowed ones succeed and the others get {@code 403}.
 */
class RolePermissionIT extends FhirServerIT {

	/** The columns of the README table. */
	enum Action {

		READ_PATIENT, SEARCH_OBSERVATIONS, CREATE_OBSERVATION, CREATE_PATIENT, CREATE_MEDICATION_ADMINISTRATION,
		CREATE_RESEARCH_SUBJECT, DELETE_PATIENT, EVERYTHING, READ_AUDIT_EVENTS, CREATE_SUBSCRIPTION

	}

	private static final Reference PATIENT = new Reference("Patient/patient-li-na");

	private static final Reference STUDY = new Reference("ResearchStudy/rak-part-2-randomized");

	/** The README table, row by row. */
	private static final Map<String, Set<Action>> ALLOWED = Map.of("investigator",
			EnumSet.of(Action.READ_PATIENT, Action.SEARCH_OBSERVATIONS, Action.CREATE_OBSERVATION, Action.EVERYTHING),
			"coordinator",
			EnumSet.of(
					Action.READ_PATIENT, Action.SEARCH_OBSERVATIONS, Action.CREATE_OBSERVATION, Action.CREATE_PATIENT,
					Action.CREATE_MEDICATION_ADMINISTRATION, Action.CREATE_RESEARCH_SUBJECT, Action.EVERYTHING),
			"ehr-interface",
			EnumSet.of(Action.READ_PATIENT, Action.SEARCH_OBSERVATIONS, Action.CREATE_OBSERVATION,
					Action.CREATE_PATIENT, Action.CREATE_MEDICATION_ADMINISTRATION),
			"pharmacist",
			EnumSet.of(Action.READ_PATIENT, Action.SEARCH_OBSERVATIONS, Action.CREATE_MEDICATION_ADMINISTRATION,
					Action.EVERYTHING),
			"unblinded-statistician", EnumSet.of(Action.READ_PATIENT, Action.SEARCH_OBSERVATIONS, Action.EVERYTHING),
			"dsmb",
			EnumSet.of(Action.READ_PATIENT, Action.SEARCH_OBSERVATIONS, Action.EVERYTHING, Action.READ_AUDIT_EVENTS),
			"admin",
			EnumSet.of(Action.READ_PATIENT, Action.SEARCH_OBSERVATIONS, Action.CREATE_OBSERVATION,
					Action.CREATE_PATIENT, Action.CREATE_MEDICATION_ADMINISTRATION, Action.CREATE_RESEARCH_SUBJECT,
					Action.DELETE_PATIENT, Action.EVERYTHING));

	static Stream<Arguments> roleAndAction() {
		return ALLOWED.keySet()
			.stream()
			.sorted()
			.flatMap(role -> Stream.of(Action.values()).map(action -> Arguments.of(role, action)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("roleAndAction")
	void eachRoleDoesExactlyWhatItsRowAllows(String role, Action action) {
		IGenericClient caller = clientAs(role);
		Consumer<IGenericClient> attempt = attempt(action);
		if (ALLOWED.get(role).contains(action)) {
			attempt.accept(caller);
		}
		else {
			assertThatThrownBy(() -> attempt.accept(caller)).as(role + " " + action)
				.isInstanceOf(ForbiddenOperationException.class);
		}
	}

	private Consumer<IGenericClient> attempt(Action action) {
		return switch (action) {
			case READ_PATIENT -> caller -> assertThat(
					caller.read().resource(Patient.class).withId("patient-li-na").execute().getIdElement().getIdPart())
				.isEqualTo("patient-li-na");
			case SEARCH_OBSERVATIONS -> caller -> caller.search()
				.forResource(Observation.class)
				.where(Observation.SUBJECT.hasId("Patient/patient-li-na"))
				.returnBundle(Bundle.class)
				.execute();
			case CREATE_OBSERVATION -> caller -> assertThat(
					caller.create().resource(SampleResources.bodySurfaceArea(PATIENT)).execute().getCreated())
				.isTrue();
			case CREATE_PATIENT ->
				caller -> assertThat(caller.create().resource(SampleResources.patient()).execute().getCreated())
					.isTrue();
			case CREATE_MEDICATION_ADMINISTRATION -> caller -> assertThat(
					caller.create().resource(SampleResources.administration(PATIENT)).execute().getCreated())
				.isTrue();
			case CREATE_RESEARCH_SUBJECT -> caller -> {
				ResearchSubject subject = SampleResources.subject(STUDY,
						new Reference(client.create()
							.resource(SampleResources.patient())
							.execute()
							.getId()
							.toUnqualifiedVersionless()));
				subject.setAssignedArm(null).setActualArm(null);
				assertThat(caller.create().resource(subject).execute().getCreated()).isTrue();
			};
			case DELETE_PATIENT -> caller -> {
				IdType patient = (IdType) client.create().resource(SampleResources.patient()).execute().getId();
				caller.delete().resourceById(patient.toUnqualifiedVersionless()).execute();
			};
			case EVERYTHING -> caller -> caller.operation()
				.onInstance(new IdType("Patient/patient-li-na"))
				.named("$everything")
				.withNoParameters(Parameters.class)
				.returnResourceType(Bundle.class)
				.execute();
			case READ_AUDIT_EVENTS ->
				caller -> caller.search().byUrl("AuditEvent?_count=1").returnBundle(Bundle.class).execute();
			case CREATE_SUBSCRIPTION -> caller -> {
				Subscription subscription = new Subscription();
				subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED)
					.setCriteria("ResearchSubject?")
					.setReason("leak")
					.getChannel()
					.setType(Subscription.SubscriptionChannelType.RESTHOOK)
					.setEndpoint("http://127.0.0.1:9/hook");
				caller.create().resource(subscription).execute();
			};
		};
	}

}
