package org.trialfhir.server.endpoint;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.trialfhir.profiles.TrialCodes.RecistResponse;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The projection's tables ({@code db/endpoint-projection.sql}) through JDBC on the
 * server's data source. Every call joins the transaction running on the calling thread
 * (HAPI's JPA transaction when called from a storage hook), so the projection commits or
 * rolls back with the resources.
 */
public class EndpointProjectionStore {

	private static final int IN_LIST_CHUNK = 500;

	private static final String SUBJECT_COLUMNS = "subject_id, study_id, patient_id, origin, status, period_end, "
			+ "assigned_arm, actual_arm, stratum";

	private static final String DERIVED_COLUMNS = "data_until, derived_resources, derived_os_days, derived_os_event, "
			+ "derived_pfs_days, derived_pfs_event, derived_ttp_days, derived_ttp_event, derived_best_response, "
			+ "derived_first_dose, derived_discontinued, derived_ae_terms";

	private static final String EVENT_COLUMNS = "resource_key, patient_id, kind, event_date, end_date, response, "
			+ "grade, serious, term_code, term_display";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	/**
	 * @param jdbc JDBC template on the data source of HAPI's JPA transactions
	 */
	public EndpointProjectionStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
	}

	/**
	 * Stores a subject's enrollment (its derived facts are refreshed separately).
	 * @param subject the subject
	 * @return the patient the subject referred to before, or null
	 */
	public String putSubject(SubjectEnrollment subject) {
		String before = patientOfSubject(subject.subjectId());
		Object[] values = { subject.studyId(), subject.patientId(), Date.valueOf(subject.origin()), subject.status(),
				date(subject.periodEnd()), subject.assignedArm(), subject.actualArm(), subject.stratum(),
				subject.subjectId() };
		int updated = jdbc.update("UPDATE trial_ep_subject SET study_id = ?, patient_id = ?, origin = ?, status = ?, "
				+ "period_end = ?, assigned_arm = ?, actual_arm = ?, stratum = ?, data_until = NULL WHERE subject_id = ?",
				values);
		if (updated == 0) {
			jdbc.update("INSERT INTO trial_ep_subject (study_id, patient_id, origin, status, period_end, assigned_arm, "
					+ "actual_arm, stratum, subject_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
		}
		return before;
	}

	/**
	 * @param subjectId ResearchSubject id
	 * @return the patient the subject referred to, or null if it was not stored
	 */
	public String removeSubject(String subjectId) {
		String before = patientOfSubject(subjectId);
		jdbc.update("DELETE FROM trial_ep_subject WHERE subject_id = ?", subjectId);
		return before;
	}

	/**
	 * @param patientId Patient id
	 * @param deathDate date of death, or null
	 */
	public void putPatient(String patientId, LocalDate deathDate) {
		int updated = jdbc.update("UPDATE trial_ep_patient SET death_date = ? WHERE patient_id = ?", date(deathDate),
				patientId);
		if (updated == 0) {
			jdbc.update("INSERT INTO trial_ep_patient (patient_id, death_date) VALUES (?, ?)", patientId,
					date(deathDate));
		}
	}

	/**
	 * Stores a dated clinical event.
	 * @param event the event
	 * @return the patient the resource referred to before, or null
	 */
	public String putEvent(ClinicalEvent event) {
		String before = removeEvent(event.resourceKey());
		jdbc.update("INSERT INTO trial_ep_event (" + EVENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				event.resourceKey(), event.patientId(), event.kind().name(), Date.valueOf(event.date()),
				date(event.endDate()), event.response() == null ? null : event.response().name(), event.grade(),
				event.serious(), event.termCode(), event.termDisplay());
		return before;
	}

	/**
	 * @param resourceKey {@code Type/id}
	 * @return the patient the resource referred to, or null if it was not stored
	 */
	public String removeEvent(String resourceKey) {
		List<String> before = jdbc.queryForList("SELECT patient_id FROM trial_ep_event WHERE resource_key = ?",
				String.class, resourceKey);
		if (before.isEmpty()) {
			return null;
		}
		jdbc.update("DELETE FROM trial_ep_event WHERE resource_key = ?", resourceKey);
		return before.get(0);
	}

	/**
	 * Recomputes the derived facts (over all data) of every subject of these patients.
	 * Patients are locked in id order, so concurrent writers of one patient refresh one
	 * after the other and the later one sees the earlier one's rows.
	 * @param patientIds patients whose data changed
	 */
	public void refresh(Collection<String> patientIds) {
		EndpointDerivation derivation = EndpointDerivation.withDefaults();
		for (String patientId : new TreeSet<>(patientIds)) {
			LocalDate death = lockPatient(patientId);
			List<ClinicalEvent> events = eventsOf(List.of(patientId)).getOrDefault(patientId, List.of());
			for (SubjectEnrollment subject : subjectsOfPatient(patientId)) {
				SubjectEndpoints facts = derivation.derive(subject, death, events, LocalDate.MAX);
				storeDerived(facts, dataUntil(subject, death, events));
			}
		}
	}

	private LocalDate lockPatient(String patientId) {
		List<Date> death = jdbc.queryForList("SELECT death_date FROM trial_ep_patient WHERE patient_id = ? FOR UPDATE",
				Date.class, patientId);
		if (death.isEmpty()) {
			putPatient(patientId, null);
			return null;
		}
		return localDate(death.get(0));
	}

	private static LocalDate dataUntil(SubjectEnrollment subject, LocalDate death, List<ClinicalEvent> events) {
		LocalDate until = subject.origin();
		for (ClinicalEvent e : events) {
			until = later(until, e.latestDate());
		}
		return later(later(until, death), subject.periodEnd());
	}

	private void storeDerived(SubjectEndpoints facts, LocalDate dataUntil) {
		jdbc.update("UPDATE trial_ep_subject SET data_until = ?, derived_resources = ?, derived_os_days = ?, "
				+ "derived_os_event = ?, derived_pfs_days = ?, derived_pfs_event = ?, derived_ttp_days = ?, "
				+ "derived_ttp_event = ?, derived_best_response = ?, derived_first_dose = ?, derived_discontinued = ?, "
				+ "derived_ae_terms = ? WHERE subject_id = ?", Date.valueOf(dataUntil), facts.resources(),
				facts.os().days(), facts.os().event(), facts.pfs().days(), facts.pfs().event(), facts.ttp().days(),
				facts.ttp().event(), facts.bestResponse().name(), date(facts.firstDose()), facts.discontinued(),
				AdverseEventTerms.encode(facts.adverseEvents()), facts.enrollment().subjectId());
	}

	/**
	 * @param studyId ResearchStudy id
	 * @return every stored subject of the study with its derived facts, by subject id
	 */
	public List<StoredSubject> subjectsOfStudy(String studyId) {
		return jdbc.query(
				"SELECT " + SUBJECT_COLUMNS + ", " + DERIVED_COLUMNS
						+ " FROM trial_ep_subject WHERE study_id = ? ORDER BY subject_id",
				this::storedSubject, studyId);
	}

	private List<SubjectEnrollment> subjectsOfPatient(String patientId) {
		return jdbc.query("SELECT " + SUBJECT_COLUMNS + " FROM trial_ep_subject WHERE patient_id = ?",
				(rs, row) -> enrollment(rs), patientId);
	}

	private String patientOfSubject(String subjectId) {
		List<String> patient = jdbc.queryForList("SELECT patient_id FROM trial_ep_subject WHERE subject_id = ?",
				String.class, subjectId);
		return patient.isEmpty() ? null : patient.get(0);
	}

	/**
	 * @param patientIds patients
	 * @return their dated events, by patient id
	 */
	public Map<String, List<ClinicalEvent>> eventsOf(Collection<String> patientIds) {
		Map<String, List<ClinicalEvent>> events = new HashMap<>();
		for (List<String> chunk : chunks(patientIds)) {
			named.query("SELECT " + EVENT_COLUMNS + " FROM trial_ep_event WHERE patient_id IN (:ids)",
					new MapSqlParameterSource("ids", chunk), (ResultSet rs) -> {
						ClinicalEvent event = event(rs);
						events.computeIfAbsent(event.patientId(), (id) -> new ArrayList<>()).add(event);
					});
		}
		return events;
	}

	/**
	 * @param patientIds patients
	 * @return the dates of death of those that died
	 */
	public Map<String, LocalDate> deathsOf(Collection<String> patientIds) {
		Map<String, LocalDate> deaths = new HashMap<>();
		for (List<String> chunk : chunks(patientIds)) {
			named.query("SELECT patient_id, death_date FROM trial_ep_patient WHERE patient_id IN (:ids) "
					+ "AND death_date IS NOT NULL", new MapSqlParameterSource("ids", chunk), (ResultSet rs) -> {
						deaths.put(rs.getString(1), localDate(rs.getDate(2)));
					});
		}
		return deaths;
	}

	/** Empties the projection (before a rebuild, in the rebuild's transaction). */
	public void clear() {
		jdbc.update("DELETE FROM trial_ep_event");
		jdbc.update("DELETE FROM trial_ep_subject");
		jdbc.update("DELETE FROM trial_ep_patient");
	}

	/**
	 * @return every patient id the projection knows (subjects, patients and events)
	 */
	public List<String> allPatientIds() {
		return jdbc
			.queryForList("SELECT patient_id FROM trial_ep_patient UNION SELECT patient_id FROM trial_ep_subject "
					+ "UNION SELECT patient_id FROM trial_ep_event", String.class);
	}

	private StoredSubject storedSubject(ResultSet rs, int row) throws SQLException {
		SubjectEnrollment enrollment = enrollment(rs);
		LocalDate dataUntil = localDate(rs.getDate("data_until"));
		if (dataUntil == null) {
			return new StoredSubject(enrollment, null, null);
		}
		SubjectEndpoints facts = new SubjectEndpoints(enrollment,
				timeToEvent(rs, "derived_os_days", "derived_os_event"),
				timeToEvent(rs, "derived_pfs_days", "derived_pfs_event"),
				timeToEvent(rs, "derived_ttp_days", "derived_ttp_event"),
				RecistResponse.valueOf(rs.getString("derived_best_response")),
				localDate(rs.getDate("derived_first_dose")), AdverseEventTerms.decode(rs.getString("derived_ae_terms")),
				rs.getBoolean("derived_discontinued"), rs.getInt("derived_resources"));
		return new StoredSubject(enrollment, dataUntil, facts);
	}

	private static TimeToEvent timeToEvent(ResultSet rs, String days, String event) throws SQLException {
		return new TimeToEvent(rs.getInt(days), rs.getBoolean(event));
	}

	private static SubjectEnrollment enrollment(ResultSet rs) throws SQLException {
		return new SubjectEnrollment(rs.getString("subject_id"), rs.getString("study_id"), rs.getString("patient_id"),
				localDate(rs.getDate("origin")), rs.getString("status"), localDate(rs.getDate("period_end")),
				rs.getString("assigned_arm"), rs.getString("actual_arm"), rs.getString("stratum"));
	}

	private static ClinicalEvent event(ResultSet rs) throws SQLException {
		String response = rs.getString("response");
		return new ClinicalEvent(rs.getString("resource_key"), rs.getString("patient_id"),
				ClinicalEvent.Kind.valueOf(rs.getString("kind")), localDate(rs.getDate("event_date")),
				localDate(rs.getDate("end_date")), response == null ? null : RecistResponse.valueOf(response),
				rs.getInt("grade"), rs.getBoolean("serious"), rs.getString("term_code"), rs.getString("term_display"));
	}

	private static List<List<String>> chunks(Collection<String> ids) {
		List<String> all = new ArrayList<>(ids);
		List<List<String>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += IN_LIST_CHUNK) {
			chunks.add(all.subList(i, Math.min(all.size(), i + IN_LIST_CHUNK)));
		}
		return chunks;
	}

	private static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		if (a == null) {
			return b;
		}
		return (b != null && b.isAfter(a)) ? b : a;
	}

	/**
	 * A stored subject: its enrollment and, when computed, its facts over all its data.
	 *
	 * @param enrollment the ResearchSubject's facts
	 * @param dataUntil latest date of any of its data; null when not derived yet
	 * @param allData facts over all data (valid for cut-offs on or after
	 * {@code dataUntil}), or null
	 */
	public record StoredSubject(SubjectEnrollment enrollment, LocalDate dataUntil, SubjectEndpoints allData) {

		/**
		 * @param cutoff a data cut-off
		 * @return true if the stored facts are the facts as of that cut-off
		 */
		public boolean isCurrentAsOf(LocalDate cutoff) {
			return dataUntil != null && !dataUntil.isAfter(cutoff);
		}

	}

}
