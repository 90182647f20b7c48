package org.trialfhir.server.security;

import java.util.List;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor.Verdict;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodes.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules built from roles and scopes, applied by HAPI's AuthorizationInterceptor
 * without a server.
 */
class TrialAuthorizationTests {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	@Test
	void anAdministratorWritesTransactionsButNotAuditEvents() {
		TrialAuthorization authorization = authorizationFor(Set.of(Role.ADMIN, Role.UNBLINDED_STATISTICIAN),
				List.of("user/*.cruds"));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient patient = new Patient();
		patient.setId("Patient/p1");
		transaction.addEntry()
			.setFullUrl("Patient/p1")
			.setResource(patient)
			.getRequest()
			.setMethod(Bundle.HTTPVerb.PUT)
			.setUrl("Patient/p1");

		assertThat(decide(authorization, RestOperationTypeEnum.READ, null, new IdType("Patient/p1")))
			.isEqualTo(PolicyEnum.ALLOW);
		assertThat(decide(authorization, RestOperationTypeEnum.CREATE, patient, null)).isEqualTo(PolicyEnum.ALLOW);
		assertThat(decide(authorization, RestOperationTypeEnum.UPDATE, patient, new IdType("Patient/p1")))
			.isEqualTo(PolicyEnum.ALLOW);
		AuditEvent event = new AuditEvent();
		event.setId("AuditEvent/a1");
		assertThat(decide(authorization, RestOperationTypeEnum.UPDATE, event, new IdType("AuditEvent/a1")))
			.isEqualTo(PolicyEnum.DENY);
		assertThat(decide(authorization, RestOperationTypeEnum.READ, null, new IdType("Patient/p1")))
			.isEqualTo(PolicyEnum.ALLOW);
		assertThat(decide(authorization, RestOperationTypeEnum.CREATE, patient, null)).isEqualTo(PolicyEnum.ALLOW);

	}

	@Test
	void scopesNarrowWhatARoleMayDo() {
		TrialAuthorization authorization = authorizationFor(Set.of(Role.ADMIN), List.of("user/Patient.rs"));
		Observation observation = new Observation();
		assertThat(decide(authorization, RestOperationTypeEnum.CREATE, observation, null)).isEqualTo(PolicyEnum.DENY);
		assertThat(decide(authorization, RestOperationTypeEnum.READ, null, new IdType("Patient/p1")))
			.isEqualTo(PolicyEnum.ALLOW);
	}

	private static PolicyEnum decide(TrialAuthorization authorization, RestOperationTypeEnum operation,
			org.hl7.fhir.instance.model.api.IBaseResource input, IdType id) {
		SystemRequestDetails request = new SystemRequestDetails();
		request.setFhirContext(FHIR);
		request.setRestOperationType(operation);
		if (id != null) {
			request.setId(id);
			request.setResourceName(id.getResourceType());
		}
		else if (input != null) {
			request.setResourceName(FHIR.getResourceType(input));
		}
		Verdict verdict = authorization.applyRulesAndReturnDecision(operation, request, input, id, null,
				Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED);
		return verdict.getDecision();
	}

	private static TrialAuthorization authorizationFor(Set<Role> roles, List<String> scopes) {
		TrialCaller caller = new TrialCaller("tester", roles, SmartScopes.parse(scopes), false);
		return new TrialAuthorization(FHIR, new TrialCallers("roles") {
			@Override
			public TrialCaller of(RequestDetails request) {
				return caller;
			}
		});
	}

}
