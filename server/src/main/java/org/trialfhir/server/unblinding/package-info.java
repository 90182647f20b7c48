/**
 * Emergency unblinding of one subject ({@code ResearchSubject/[id]/$unblind}): the arm
 * and study cell product go to the caller only, an AuditEvent and a record on the subject
 * are stored in one transaction.
 */
package org.trialfhir.server.unblinding;
