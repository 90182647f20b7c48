package org.trialfhir.server.security;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.junit.jupiter.api.Test;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.SampleResources;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail: writes, reads of unblinded data and refused requests leave AuditEvents
 * in the server's store, and no role can change or delete them.
 */
class AuditTrailIT extends FhirServerIT {

	@Autowired
	private AuditTrail audit;

	@Test
	void aWriteIsAudited() {
		int before = count("C");
		client.create().resource(SampleResources.patient()).execute();
		assertThat(audit.flush(10_000)).isTrue();
		assertThat(count("C")).isGreaterThan(before);
	}

	@Test
	void anUnblindedReadIsAudited() {
		IdType patient = (IdType) client.create().resource(SampleResources.patient()).execute().getId();
		IdType subject = (IdType) client.create()
			.resource(
					SampleResources.subject(new org.hl7.fhir.r4.model.Reference("ResearchStudy/rak-part-2-randomized"),
							new org.hl7.fhir.r4.model.Reference(patient.toUnqualifiedVersionless())))
			.execute()
			.getId()
			.toUnqualifiedVersionless();
		assertThat(audit.flush(10_000)).isTrue();
		int before = count("R");

		ResearchSubject read = clientAs("dsmb").read().resource(ResearchSubject.class).withId(subject).execute();
		assertThat(read.getAssignedArm()).isNotNull();

		assertThat(audit.flush(10_000)).isTrue();
		assertThat(count("R")).isGreaterThan(before);
	}

	@Test
	void aRefusedRequestIsAudited() {
		int before = refusals();
		IdType patient = (IdType) client.create().resource(SampleResources.patient()).execute().getId();
		assertThatThrownBy(
				() -> clientAs("investigator").delete().resourceById(patient.toUnqualifiedVersionless()).execute())
			.isInstanceOf(ForbiddenOperationException.class);
		assertThat(audit.flush(10_000)).isTrue();
		assertThat(refusals()).isGreaterThan(before);
	}

	@Test
	void noRoleCanChangeOrDeleteAnAuditEvent() {
		client.create().resource(SampleResources.patient()).execute();
		assertThat(audit.flush(10_000)).isTrue();
		AuditEvent event = (AuditEvent) clientAs("dsmb").search()
			.byUrl("AuditEvent?_count=1")
			.returnBundle(Bundle.class)
			.execute()
			.getEntryFirstRep()
			.getResource();
		for (String role : new String[] { "admin", "dsmb", "pharmacist", "investigator" }) {
			IGenericClient caller = clientAs(role, "admin");
			AuditEvent changed = event.copy();
			changed.setOutcomeDesc("rewritten");
			assertThatThrownBy(() -> caller.update().resource(changed).execute()).as(role)
				.isInstanceOf(ForbiddenOperationException.class);
			assertThatThrownBy(
					() -> caller.delete().resourceById(event.getIdElement().toUnqualifiedVersionless()).execute())
				.as(role)
				.isInstanceOf(ForbiddenOperationException.class);
		}
		AuditEvent after = clientAs("dsmb").read()
			.resource(AuditEvent.class)
			.withId(event.getIdElement().getIdPart())
			.execute();
		assertThat(after.getMeta().getVersionId()).isEqualTo("1");
	}

	private int count(String action) {
		return clientAs("dsmb").search()
			.byUrl("AuditEvent?action=" + action + "&_summary=count")
			.returnBundle(Bundle.class)
			.execute()
			.getTotal();
	}

	private int refusals() {
		return clientAs("dsmb").search()
			.byUrl("AuditEvent?type=http://dicom.nema.org/resources/ontology/DCM|110113&_summary=count")
			.returnBundle(Bundle.class)
			.execute()
			.getTotal();
	}

}
