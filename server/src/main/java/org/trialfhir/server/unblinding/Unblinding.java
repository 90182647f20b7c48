package org.trialfhir.server.unblinding;

import java.time.Instant;
import java.util.Optional;

import org.trialfhir.profiles.TrialCodes.StudyProduct;

/**
 * What an emergency unblinding revealed, for the unblinding user only.
 *
 * @param subjectId ResearchSubject id
 * @param assignedArm arm.name of the assigned arm
 * @param actualArm arm.name of the actual arm, if recorded
 * @param product the study cell product of the assigned arm
 * @param auditEventId id of the AuditEvent recording the unblinding
 * @param date when it happened
 */
public record Unblinding(String subjectId, String assignedArm, Optional<String> actualArm, StudyProduct product,
		String auditEventId, Instant date) {
}
