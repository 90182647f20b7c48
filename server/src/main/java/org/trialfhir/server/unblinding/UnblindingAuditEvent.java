package org.trialfhir.server.unblinding;

import java.util.Date;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.codesystems.AuditEntityType;
import org.hl7.fhir.r4.model.codesystems.AuditEventType;
import org.hl7.fhir.r4.model.codesystems.ObjectRole;
import org.hl7.fhir.r4.model.codesystems.RestfulInteraction;
import org.hl7.fhir.r4.model.codesystems.V3ActReason;
import org.trialfhir.profiles.TrialCanonical;
import org.trialfhir.profiles.TrialOperations;

/**
 * The AuditEvent of one emergency unblinding, in the shape of HAL's Basic Audit Log
 * Patterns for a RESTful operation: type {@code rest}, subtype {@code operation}, action
 * execute, purpose of use {@code ETREAT} (emergency treatment), the user as requestor
 * with its trial role, the ResearchSubject and its Patient as entities, the reason as a
 * detail of the subject entity. Entities are kept as identifiers, not references, like
 * the rest of the audit trail (an AuditEvent must neither block a deletion nor join a
 * patient compartment).
 */
final class UnblindingAuditEvent {

	/** Detail type of the reason given for the unblinding. */
	static final String REASON_DETAIL = "reason";

	/** Identifier system of audited resources (value {@code Type/id}). */

	private UnblindingAuditEvent() {
	}

	/**
	 * @param request who unblinds which subject and why
	 * @param patientReference the subject's Patient ({@code Patient/id})
	 * @param when when
	 * @return the AuditEvent, not yet stored
	 */
	static AuditEvent of(UnblindingRequest request, String patientReference, Date when) {
		AuditEvent event = new AuditEvent();
		event.setType(coding(AuditEventType.REST.getSystem(), AuditEventType.REST.toCode(),
				AuditEventType.REST.getDisplay()));
		event.addSubtype(coding(RestfulInteraction.OPERATION.getSystem(), RestfulInteraction.OPERATION.toCode(),
				RestfulInteraction.OPERATION.getDisplay()));
		event.setAction(AuditEvent.AuditEventAction.E);
		event.setOutcome(AuditEvent.AuditEventOutcome._0);
		event.setRecorded(when);
		event.addPurposeOfEvent(new CodeableConcept(
				coding(V3ActReason.ETREAT.getSystem(), V3ActReason.ETREAT.toCode(), V3ActReason.ETREAT.getDisplay())));
		AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
		agent.setWho(
				new Reference().setDisplay(request.user()).setIdentifier(new Identifier().setValue(request.user())));
		agent.addRole(
				new CodeableConcept(coding(request.role().system(), request.role().code(), request.role().display())));
		if (request.address() != null) {
			agent.getNetwork().setAddress(request.address()).setType(AuditEvent.AuditEventAgentNetworkType._2);
		}
		event.getSource()
			.setObserver(new Reference().setDisplay(TrialCanonical.AUDIT_SOURCE))
			.setSite(TrialCanonical.AUDIT_SOURCE);
		String subjectReference = "ResearchSubject/" + request.subjectId();
		AuditEvent.AuditEventEntityComponent subject = entity(event, subjectReference, ObjectRole._4.toCode(),
				ObjectRole._4.getDisplay());
		subject.setName(TrialOperations.UNBLIND + " " + subjectReference);
		subject.addDetail().setType(REASON_DETAIL).setValue(new org.hl7.fhir.r4.model.StringType(request.reason()));
		entity(event, patientReference, ObjectRole._1.toCode(), ObjectRole._1.getDisplay());
		return event;
	}

	private static AuditEvent.AuditEventEntityComponent entity(AuditEvent event, String reference, String role,
			String roleDisplay) {
		AuditEvent.AuditEventEntityComponent entity = event.addEntity();
		entity.setWhat(new Reference().setDisplay(reference)
			.setIdentifier(new Identifier().setSystem(TrialCanonical.AUDITED_RESOURCE_SYSTEM).setValue(reference)));
		entity.setType(
				coding(AuditEntityType._2.getSystem(), AuditEntityType._2.toCode(), AuditEntityType._2.getDisplay()));
		entity.setRole(coding(ObjectRole._4.getSystem(), role, roleDisplay));
		return entity;
	}

	private static Coding coding(String system, String code, String display) {
		return new Coding(system, code, display);
	}

}
