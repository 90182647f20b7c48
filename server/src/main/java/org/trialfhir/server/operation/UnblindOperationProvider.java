package org.trialfhir.server.operation;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.StringType;
import org.trialfhir.profiles.TrialCodes.Role;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.In;
import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.security.TrialCaller;
import org.trialfhir.server.security.TrialCallers;
import org.trialfhir.server.unblinding.EmergencyUnblinding;
import org.trialfhir.server.unblinding.Unblinding;
import org.trialfhir.server.unblinding.UnblindingRefused;
import org.trialfhir.server.unblinding.UnblindingRequest;

import org.springframework.stereotype.Component;

/**
 * {@code ResearchSubject/[id]/$unblind}: emergency unblinding of one subject
 * ({@link EmergencyUnblinding}). The authorization rules let only roles whose row of the
 * permission table lists {@code $unblind} reach it; the arm and product go back to the
 * caller in {@code Parameters} (which the blinding consent service does not mask). A
 * missing reason is {@code 400}, a subject without an arm {@code 422}; refusals are
 * audited by the audit trail.
 */
@Component
class UnblindOperationProvider implements TrialOperation {

	private final EmergencyUnblinding unblinding;

	private final TrialCallers callers;

	UnblindOperationProvider(EmergencyUnblinding unblinding, TrialCallers callers) {
		this.unblinding = unblinding;
		this.callers = callers;
	}

	@Operation(name = TrialOperations.UNBLIND, type = ResearchSubject.class, idempotent = false)
	@Description(shortDefinition = "Emergency unblinding of one subject (allowed roles only; always audited)")
	public Parameters unblind(@IdParam IdType subjectId,
			@OperationParam(name = In.REASON, typeName = "string", min = 1, max = 1) StringType reason,
			RequestDetails request) {
		TrialCaller caller = callers.of(request);
		Role role = caller.roleAllowedTo(TrialOperations.UNBLIND)
			.orElseThrow(() -> new ForbiddenOperationException("No role of the caller may unblind a subject"));
		Unblinding result;
		try {
			result = unblinding.unblind(new UnblindingRequest(subjectId.getIdPart(),
					reason == null ? null : reason.getValue(), caller.subject(), role, address(request)));
		}
		catch (UnblindingRefused ex) {
			throw (ex.kind() == UnblindingRefused.Kind.BAD_REQUEST) ? new InvalidRequestException(ex.getMessage())
					: new UnprocessableEntityException(ex.getMessage());
		}
		Parameters parameters = new Parameters();
		parameters.addParameter(Out.ASSIGNED_ARM, result.assignedArm());
		result.actualArm().ifPresent(arm -> parameters.addParameter(Out.ACTUAL_ARM, arm));
		parameters.addParameter()
			.setName(Out.STUDY_PRODUCT)
			.setValue(new Coding(result.product().system(), result.product().code(), result.product().display()));
		parameters.addParameter()
			.setName(Out.AUDIT_EVENT)
			.setValue(new Reference("AuditEvent/" + result.auditEventId()));
		return parameters;
	}

	private static String address(RequestDetails request) {
		return request instanceof ServletRequestDetails servlet ? servlet.getServletRequest().getRemoteAddr() : null;
	}

}
