package org.trialfhir.server.randomization;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The used slots of the randomization lists, in their own tables beside HAPI's (never
 * exposed as FHIR resources). {@code trial_rand_study} holds one row per study with the
 * number enrolled; locking it ({@code SELECT ... FOR UPDATE}) serializes the
 * randomizations of a study across server replicas. {@code trial_rand_slot} holds one row
 * per randomized patient; its keys make a slot, an enrollment number or a patient
 * impossible to use twice in a study even if the lock were bypassed. The arm is not
 * stored here: it follows from the secret list and lives on the ResearchSubject.
 */
@Repository
public class AllocationLedger {

	private final JdbcTemplate jdbc;

	/**
	 * Creates the tables if they do not exist (same SQL on H2 and PostgreSQL).
	 * @param jdbc JDBC access to the server's database
	 */
	public AllocationLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		jdbc.execute("CREATE TABLE IF NOT EXISTS trial_rand_study (study_id VARCHAR(100) NOT NULL PRIMARY KEY,"
				+ " enrolled INTEGER NOT NULL)");
		jdbc.execute("CREATE TABLE IF NOT EXISTS trial_rand_slot (study_id VARCHAR(100) NOT NULL,"
				+ " stratum VARCHAR(64) NOT NULL, sequence_number INTEGER NOT NULL, enrollment_number INTEGER NOT NULL,"
				+ " patient_id VARCHAR(100) NOT NULL, subject_id VARCHAR(100) NOT NULL,"
				+ " randomized_at TIMESTAMP NOT NULL, PRIMARY KEY (study_id, stratum, sequence_number),"
				+ " CONSTRAINT trial_rand_slot_patient UNIQUE (study_id, patient_id),"
				+ " CONSTRAINT trial_rand_slot_enrollment UNIQUE (study_id, enrollment_number))");
	}

	/**
	 * A used slot.
	 *
	 * @param stratum stratum code
	 * @param sequenceNumber position in the stratum's list, from 1
	 * @param enrollmentNumber order of enrollment in the study, from 1
	 * @param patientId Patient id (id part)
	 * @param subjectId ResearchSubject id (id part)
	 */
	public record Slot(String stratum, int sequenceNumber, int enrollmentNumber, String patientId, String subjectId) {
	}

	/**
	 * Makes sure the study has its lock row (in its own transaction: a concurrent first
	 * call may insert it first).
	 * @param studyId study id
	 */
	void registerStudy(String studyId) {
		if (enrolledWithoutLock(studyId).isPresent()) {
			return;
		}
		try {
			jdbc.update("INSERT INTO trial_rand_study (study_id, enrolled) VALUES (?, 0)", studyId);
		}
		catch (DuplicateKeyException ex) {
			// another request registered it
		}
	}

	private Optional<Integer> enrolledWithoutLock(String studyId) {
		List<Integer> rows = jdbc.queryForList("SELECT enrolled FROM trial_rand_study WHERE study_id = ?",
				Integer.class, studyId);
		return rows.stream().findFirst();
	}

	/**
	 * Locks the study's row until the end of the current transaction.
	 * @param studyId a registered study
	 * @return the number enrolled so far
	 */
	int lockStudy(String studyId) {
		return jdbc.queryForObject("SELECT enrolled FROM trial_rand_study WHERE study_id = ? FOR UPDATE", Integer.class,
				studyId);
	}

	/**
	 * @param studyId study id
	 * @param patientId patient id
	 * @return the patient's slot in the study, if randomized
	 */
	Optional<Slot> slotOf(String studyId, String patientId) {
		return jdbc
			.query("SELECT stratum, sequence_number, enrollment_number, patient_id, subject_id FROM trial_rand_slot"
					+ " WHERE study_id = ? AND patient_id = ?",
					(rs, i) -> new Slot(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5)),
					studyId, patientId)
			.stream()
			.findFirst();
	}

	/**
	 * @param studyId study id
	 * @param stratum stratum code
	 * @return slots used in the stratum
	 */
	int usedInStratum(String studyId, String stratum) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM trial_rand_slot WHERE study_id = ? AND stratum = ?",
				Integer.class, studyId, stratum);
	}

	/**
	 * Records a used slot and counts the enrollment (under the study lock).
	 * @param studyId study id
	 * @param slot the slot
	 */
	void record(String studyId, Slot slot) {
		jdbc.update(
				"INSERT INTO trial_rand_slot (study_id, stratum, sequence_number, enrollment_number, patient_id,"
						+ " subject_id, randomized_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
				studyId, slot.stratum(), slot.sequenceNumber(), slot.enrollmentNumber(), slot.patientId(),
				slot.subjectId(), Timestamp.from(Instant.now()));
		jdbc.update("UPDATE trial_rand_study SET enrolled = ? WHERE study_id = ?", slot.enrollmentNumber(), studyId);
	}

	/**
	 * @param studyId study id
	 * @return every used slot of the study, by stratum and sequence number
	 */
	public List<Slot> slots(String studyId) {
		return jdbc.query(
				"SELECT stratum, sequence_number, enrollment_number, patient_id, subject_id FROM trial_rand_slot"
						+ " WHERE study_id = ? ORDER BY stratum, sequence_number",
				(rs, i) -> new Slot(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5)),
				studyId);
	}

}
