package org.trialfhir.server.unblinding;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.trialfhir.profiles.TrialCodes.ArmType;
import org.trialfhir.profiles.TrialCodes.StudyProduct;
import org.trialfhir.profiles.TrialExtensions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emergency unblinding of one subject. In one transaction: read the subject (as the
 * server, unmasked), store an {@link UnblindingAuditEvent AuditEvent} with the user, the
 * subject and the reason, and add an {@link TrialExtensions#EMERGENCY_UNBLINDING} record
 * (date, role) to the subject, which every role sees while its arm stays masked for
 * everyone else. If any step fails nothing is stored. The study cell product is that of
 * the assigned arm: RAK cells for an arm of type {@code EXPERIMENTAL}, control otherwise.
 * Who may call it is decided by the security layer before this class is reached.
 */
@Service
public class EmergencyUnblinding {

	private final DaoRegistry daos;

	private final TransactionTemplate transaction;

	/**
	 * @param daos HAPI's resource DAOs
	 * @param transactionManager the JPA transaction manager HAPI's DAOs join
	 */
	public EmergencyUnblinding(DaoRegistry daos, PlatformTransactionManager transactionManager) {
		this.daos = daos;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * @param request who unblinds which subject and why
	 * @return the arm and product, for the requesting user only
	 * @throws UnblindingRefused when the subject has no assigned arm; nothing is stored
	 * @throws ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException for an unknown
	 * subject
	 */
	public Unblinding unblind(UnblindingRequest request) {
		return transaction.execute(status -> unblindInTransaction(request));
	}

	private Unblinding unblindInTransaction(UnblindingRequest request) {
		SystemRequestDetails server = new SystemRequestDetails();
		ResearchSubject subject = daos.getResourceDao(ResearchSubject.class)
			.read(new IdType("ResearchSubject", request.subjectId()), server);
		if (!subject.hasAssignedArm()) {
			throw new UnblindingRefused(UnblindingRefused.Kind.NOT_UNBLINDABLE,
					"ResearchSubject/" + request.subjectId() + " has no assigned arm: there is nothing to unblind");
		}
		StudyProduct product = productOf(subject, server);
		Instant now = Instant.now();
		AuditEvent event = UnblindingAuditEvent.of(request, subject.getIndividual().getReference(), Date.from(now));
		String auditEventId = daos.getResourceDao(AuditEvent.class).create(event, server).getId().getIdPart();
		subject.addExtension(record(request, now));
		daos.getResourceDao(ResearchSubject.class).update(subject, server);
		return new Unblinding(request.subjectId(), subject.getAssignedArm(),
				Optional.ofNullable(subject.getActualArm()), product, auditEventId, now);
	}

	private StudyProduct productOf(ResearchSubject subject, SystemRequestDetails server) {
		ResearchStudy study = daos.getResourceDao(ResearchStudy.class)
			.read(new IdType(subject.getStudy().getReference()), server);
		boolean experimental = study.getArm()
			.stream()
			.filter(arm -> subject.getAssignedArm().equals(arm.getName()))
			.flatMap(arm -> arm.getType().getCoding().stream())
			.anyMatch(coding -> ArmType.EXPERIMENTAL.is(coding.getSystem(), coding.getCode()));
		return experimental ? StudyProduct.RAK_CELLS : StudyProduct.CONTROL;
	}

	private static Extension record(UnblindingRequest request, Instant now) {
		Extension record = new Extension(TrialExtensions.EMERGENCY_UNBLINDING);
		record.addExtension(TrialExtensions.EmergencyUnblinding.DATE, new DateTimeType(Date.from(now)));
		record.addExtension(TrialExtensions.EmergencyUnblinding.ROLE,
				new Coding(request.role().system(), request.role().code(), request.role().display()));
		return record;
	}

}
