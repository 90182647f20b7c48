package org.trialfhir.server.security;

import java.util.List;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.codesystems.V3ActReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialfhir.profiles.TrialCodes.Role;
import org.trialfhir.profiles.TrialCodes.StudyProduct;
import org.trialfhir.profiles.TrialExtensions;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.In;
import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.SampleResources;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ResearchSubject/[id]/$unblind}: allowed roles get one subject's arm and product,
 * an AuditEvent records who, whom and why, the subject carries a record of it that every
 * role sees, its arm stays masked for everyone else, and no other subject changes. Roles
 * without the right, a missing reason, a subject without an arm and an unknown subject
 * are refused with nothing stored; refusals are audited. Nobody can forge or remove the
 * record over the API.
 */
class UnblindIT extends FhirServerIT {

	private static final String REASON = "Grade 4 cytokine release syndrome: the ICU needs to know the product";

	@Autowired
	private AuditTrail audit;

	@Test
	void anInvestigatorLearnsTheArmOfOneSubjectAndNobodyElseDoes() {
		TrialWithKnownArms trial = TrialWithKnownArms.store(client);

		Parameters result = unblind(clientAs("investigator"), trial.subjectAlpha(), REASON);

		assertThat(result.getParameterValue(Out.ASSIGNED_ARM).primitiveValue()).isEqualTo(TrialWithKnownArms.ALPHA);
		assertThat(result.getParameterValue(Out.ACTUAL_ARM).primitiveValue()).isEqualTo(TrialWithKnownArms.ALPHA);
		Coding product = (Coding) result.getParameterValue(Out.STUDY_PRODUCT);
		assertThat(StudyProduct.RAK_CELLS.is(product.getSystem(), product.getCode())).isTrue();

		AuditEvent event = clientAs("dsmb").read()
			.resource(AuditEvent.class)
			.withId(new IdType(((Reference) result.getParameterValue(Out.AUDIT_EVENT)).getReference()))
			.execute();
		assertThat(event.getPurposeOfEventFirstRep().getCodingFirstRep().getCode())
			.isEqualTo(V3ActReason.ETREAT.toCode());
		assertThat(event.getAgentFirstRep().getWho().getDisplay()).isEqualTo("it-investigator");
		assertThat(event.getAgentFirstRep().getRoleFirstRep().getCodingFirstRep().getCode())
			.isEqualTo(Role.INVESTIGATOR.code());
		assertThat(event.getEntity()).extracting(entity -> entity.getWhat().getIdentifier().getValue())
			.containsExactly(trial.subjectAlpha().getValue(), trial.patientAlpha().getValue());
		assertThat(event.getEntityFirstRep().getDetailFirstRep().getValue().primitiveValue()).isEqualTo(REASON);

		for (String role : List.of("coordinator", "investigator")) {
			ResearchSubject seen = clientAs(role).read()
				.resource(ResearchSubject.class)
				.withId(trial.subjectAlpha())
				.execute();
			assertThat(seen.getAssignedArm()).as("arm stays masked for %s", role).isNull();
			assertThat(seen.getExtensionsByUrl(TrialExtensions.EMERGENCY_UNBLINDING)).as("record seen by %s", role)
				.singleElement()
				.satisfies(record -> assertThat(
						((Coding) record.getExtensionByUrl(TrialExtensions.EmergencyUnblinding.ROLE).getValue())
							.getCode())
					.isEqualTo(Role.INVESTIGATOR.code()));
			String raw = FHIR.newJsonParser().encodeResourceToString(seen);
			assertThat(raw).doesNotContain(TrialWithKnownArms.ALPHA);
		}
		ResearchSubject other = client.read().resource(ResearchSubject.class).withId(trial.subjectBeta()).execute();
		assertThat(other.getMeta().getVersionId()).isEqualTo("1");
		assertThat(other.hasExtension(TrialExtensions.EMERGENCY_UNBLINDING)).isFalse();
		ResearchSubject unblinded = client.read()
			.resource(ResearchSubject.class)
			.withId(trial.subjectAlpha())
			.execute();
		assertThat(unblinded.getAssignedArm()).as("stored arm unchanged").isEqualTo(TrialWithKnownArms.ALPHA);
	}

	@Test
	void theDataAndSafetyMonitoringBoardMayUnblindAControlSubject() {
		TrialWithKnownArms trial = TrialWithKnownArms.store(client);

		Parameters result = unblind(clientAs("dsmb"), trial.subjectBeta(), REASON);

		assertThat(result.getParameterValue(Out.ASSIGNED_ARM).primitiveValue()).isEqualTo(TrialWithKnownArms.BETA);
		Coding product = (Coding) result.getParameterValue(Out.STUDY_PRODUCT);
		assertThat(StudyProduct.CONTROL.is(product.getSystem(), product.getCode())).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "coordinator", "ehr-interface", "pharmacist", "unblinded-statistician" })
	void rolesWithoutTheRightAreRefusedAndAudited(String role) {
		TrialWithKnownArms trial = TrialWithKnownArms.store(client);
		int refusalsBefore = unblindFailures();

		assertThatThrownBy(() -> unblind(clientAs(role), trial.subjectAlpha(), REASON))
			.isInstanceOf(ForbiddenOperationException.class);

		assertUnchanged(trial.subjectAlpha());
		assertThat(audit.flush(10_000)).isTrue();
		assertThat(unblindFailures()).isGreaterThan(refusalsBefore);
	}

	@Test
	void aReasonIsMandatory() {
		TrialWithKnownArms trial = TrialWithKnownArms.store(client);
		int refusalsBefore = unblindFailures();

		assertThatThrownBy(() -> unblind(clientAs("investigator"), trial.subjectAlpha(), "   "))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining(In.REASON);
		assertThatThrownBy(() -> clientAs("investigator").operation()
			.onInstance(trial.subjectAlpha())
			.named(TrialOperations.UNBLIND)
			.withNoParameters(Parameters.class)
			.execute()).isInstanceOf(InvalidRequestException.class);

		assertUnchanged(trial.subjectAlpha());
		assertThat(audit.flush(10_000)).isTrue();
		assertThat(unblindFailures()).isGreaterThanOrEqualTo(refusalsBefore + 2);
	}

	@Test
	void aSubjectWithoutAnArmOrNoSubjectCannotBeUnblinded() {
		IdType patient = (IdType) client.create().resource(SampleResources.patient()).execute().getId();
		ResearchSubject notRandomized = SampleResources.subject(new Reference("ResearchStudy/rak-part-2-randomized"),
				new Reference(patient.toUnqualifiedVersionless()));
		notRandomized.setAssignedArm(null).setActualArm(null);
		IdType subject = (IdType) client.create().resource(notRandomized).execute().getId().toUnqualifiedVersionless();

		assertThatThrownBy(() -> unblind(clientAs("admin"), subject, REASON))
			.isInstanceOf(UnprocessableEntityException.class);
		assertUnchanged(subject);
		assertThatThrownBy(() -> unblind(clientAs("admin"), new IdType("ResearchSubject/no-such-subject"), REASON))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void nobodyForgesOrRemovesAnUnblindingRecord() {
		TrialWithKnownArms trial = TrialWithKnownArms.store(client);
		unblind(clientAs("investigator"), trial.subjectAlpha(), REASON);
		ResearchSubject stored = client.read().resource(ResearchSubject.class).withId(trial.subjectAlpha()).execute();
		Extension record = stored.getExtensionByUrl(TrialExtensions.EMERGENCY_UNBLINDING);

		ResearchSubject withoutRecord = stored.copy();
		withoutRecord.getExtension().removeIf(e -> TrialExtensions.EMERGENCY_UNBLINDING.equals(e.getUrl()));
		withoutRecord.setStatus(ResearchSubject.ResearchSubjectStatus.FOLLOWUP);
		client.update().resource(withoutRecord).execute();
		ResearchSubject updated = client.read().resource(ResearchSubject.class).withId(trial.subjectAlpha()).execute();
		assertThat(updated.getStatus()).isEqualTo(ResearchSubject.ResearchSubjectStatus.FOLLOWUP);
		assertThat(updated.getExtensionsByUrl(TrialExtensions.EMERGENCY_UNBLINDING)).as("record kept")
			.singleElement()
			.satisfies(kept -> assertThat(kept.equalsDeep(record)).isTrue());

		ResearchSubject backdated = updated.copy();
		backdated.getExtensionByUrl(TrialExtensions.EMERGENCY_UNBLINDING)
			.getExtensionByUrl(TrialExtensions.EmergencyUnblinding.DATE)
			.setValue(new DateTimeType("2020-01-01T00:00:00Z"));
		assertThatThrownBy(() -> client.update().resource(backdated).execute())
			.isInstanceOf(ForbiddenOperationException.class);

		ResearchSubject forged = SampleResources.subject(new Reference(trial.study()),
				new Reference(trial.patientBeta()));
		forged.addExtension(record.copy());
		assertThatThrownBy(() -> clientAs("coordinator").create().resource(forged).execute())
			.isInstanceOf(ForbiddenOperationException.class);
		Bundle created = client.search()
			.byUrl("ResearchSubject?identifier=" + forged.getIdentifierFirstRep().getSystem() + "|"
					+ forged.getIdentifierFirstRep().getValue())
			.returnBundle(Bundle.class)
			.execute();
		assertThat(created.getEntry()).as("nothing stored").isEmpty();
	}

	private static Parameters unblind(IGenericClient caller, IdType subject, String reason) {
		Parameters in = new Parameters();
		in.addParameter().setName(In.REASON).setValue(new StringType(reason));
		return caller.operation()
			.onInstance(subject)
			.named(TrialOperations.UNBLIND)
			.withParameters(in)
			.returnResourceType(Parameters.class)
			.execute();
	}

	private void assertUnchanged(IdType subject) {
		ResearchSubject stored = client.read().resource(ResearchSubject.class).withId(subject).execute();
		assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
		assertThat(stored.hasExtension(TrialExtensions.EMERGENCY_UNBLINDING)).isFalse();
	}

	private int unblindFailures() {
		return clientAs("dsmb").search()
			.byUrl("AuditEvent?outcome=4&_summary=count")
			.returnBundle(Bundle.class)
			.execute()
			.getTotal();
	}

}
