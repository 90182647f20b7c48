package org.trialfhir.server.endpoint;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.trialfhir.profiles.TrialCodes.RecistResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
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

	private static final String BUMP_VERSION = "UPDATE trial_ep_study_version SET version = version + 1 "
			+ "WHERE study_id = ?";

	private static final String FIRST_VERSION = "INSERT INTO trial_ep_study_version (study_id, version) VALUES (?, 1)";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final boolean postgres;

	/**
	 * @param jdbc JDBC template on the data source of HAPI's JPA transactions
	 */
	public EndpointProjectionStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.postgres = isPostgres(jdbc);
	}

	private static boolean isPostgres(JdbcTemplate jdbc) {
		Boolean postgres = jdbc.execute((ConnectionCallback<Boolean>) (connection) -> connection.getMetaData()
			.getDatabaseProductName()
			.toLowerCase(Locale.ROOT)
			.contains("postgres"));
		return Boolean.TRUE.equals(postgres);
	}

	/**
	 * Stores a subject's enrollment (its derived facts are refreshed separately).
	 * @param subject the subject
	 * @param studies collects the study the subject belonged to before, if any
	 * @return the patient the subject referred to before, or null
	 */
	public String putSubject(SubjectEnrollment subject, Set<String> studies) {
		String before = patientOfSubject(subject.subjectId(), studies);
		Object[] values = { subject.studyId(), subject.patientId(), Date.valueOf(subject.origin()), subject.status(),
				date(subject.periodEnd()), subject.assignedArm(), subject.actualArm(), subject.stratum(),
				subject.subjectId() };
		upsert("UPDATE trial_ep_subject SET study_id = ?, patient_id = ?, origin = ?, status = ?, "
				+ "period_end = ?, assigned_arm = ?, actual_arm = ?, stratum = ?, data_until = NULL WHERE subject_id = ?",
				"INSERT INTO trial_ep_subject (study_id, patient_id, origin, status, period_end, assigned_arm, "
						+ "actual_arm, stratum, subject_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				values);
		return before;
	}

	/**
	 * @param subjectId ResearchSubject id
	 * @param studies collects the study the subject belonged to, if it was stored
	 * @return the patient the subject referred to, or null if it was not stored
	 */
	public String removeSubject(String subjectId, Set<String> studies) {
		String before = patientOfSubject(subjectId, studies);
		jdbc.update("DELETE FROM trial_ep_subject WHERE subject_id = ?", subjectId);
		return before;
	}

	/**
	 * @param patientId Patient id
	 * @param deathDate date of death, or null
	 */
	public void putPatient(String patientId, LocalDate deathDate) {
		upsert("UPDATE trial_ep_patient SET death_date = ? WHERE patient_id = ?",
				"INSERT INTO trial_ep_patient (death_date, patient_id) VALUES (?, ?)", date(deathDate), patientId);
	}

	/**
	 * Updates a row, or inserts it if there is none, safe against a concurrent first
	 * writer of the same key: the insert that loses the race (PostgreSQL: ON CONFLICT DO
	 * NOTHING; H2: the duplicate key, which rolls back only that statement) falls back to
	 * the update, which waits for the winner's row.
	 * @param update the UPDATE, its parameters the same values in the same order as
	 * @param insert the INSERT
	 * @param values the parameters of both
	 */
	private void upsert(String update, String insert, Object... values) {
		if (jdbc.update(update, values) > 0) {
			return;
		}
		if (insertIfAbsent(insert, values) == 0) {
			jdbc.update(update, values);
		}
	}

	private int insertIfAbsent(String insert, Object[] values) {
		if (postgres) {
			return jdbc.update(insert + " ON CONFLICT DO NOTHING", values);
		}
		try {
			return jdbc.update(insert, values);
		}
		catch (DuplicateKeyException lostRace) {
			return 0;
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
	 * Recomputes the derived facts (over all data) of every subject of these patients and
	 * raises the version of their studies.
	 * @param patientIds patients whose data changed
	 * @see #refresh(Collection, Collection)
	 */
	public void refresh(Collection<String> patientIds) {
		refresh(patientIds, List.of());
	}

	/**
	 * Recomputes the derived facts (over all data) of every subject of these patients,
	 * then raises the version of the subjects' studies and of the other studies given.
	 * Patients are locked in id order, so concurrent writers of one patient refresh one
	 * after the other and the later one sees the earlier one's rows; the study versions
	 * are locked last, in id order, and held only until the commit that follows.
	 * @param patientIds patients whose data changed
	 * @param studyIds studies whose subjects changed otherwise (a subject left them)
	 */
	public void refresh(Collection<String> patientIds, Collection<String> studyIds) {
		EndpointDerivation derivation = EndpointDerivation.withDefaults();
		Set<String> studies = new TreeSet<>(studyIds);
		for (String patientId : new TreeSet<>(patientIds)) {
			LocalDate death = lockPatient(patientId);
			List<ClinicalEvent> events = eventsOf(List.of(patientId)).getOrDefault(patientId, List.of());
			for (SubjectEnrollment subject : subjectsOfPatient(patientId)) {
				SubjectEndpoints facts = derivation.derive(subject, death, events, LocalDate.MAX);
				storeDerived(facts, dataUntil(subject, death, events));
				studies.add(subject.studyId());
			}
		}
		for (String studyId : studies) {
			upsert(BUMP_VERSION, FIRST_VERSION, studyId);
		}
	}

	/**
	 * @param studyId ResearchStudy id
	 * @return the version of the study's projection rows: it changes in the transaction
	 * of every write that changes them (0 before the first)
	 */
	public long version(String studyId) {
		List<Long> version = jdbc.queryForList("SELECT version FROM trial_ep_study_version WHERE study_id = ?",
				Long.class, studyId);
		return version.isEmpty() ? 0 : version.get(0);
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

	/**
	 * One narrow read for a time-to-event analysis: the study's randomized subjects with
	 * their enrollment and, when derived, one endpoint's stored outcome over all data.
	 * @param studyId ResearchStudy id
	 * @param endpoint the endpoint whose stored outcome to read
	 * @return the study's randomized subjects, by subject id
	 */
	public List<StoredOutcome> randomizedOutcomes(String studyId, SurvivalEndpoint endpoint) {
		String prefix = "derived_" + endpoint.name().toLowerCase(Locale.ROOT);
		// columns by position and dates as LocalDate (no Calendar): this maps every
		// randomized subject of the study
		return jdbc.query("SELECT " + SUBJECT_COLUMNS + ", data_until, derived_resources, " + prefix + "_days, "
				+ prefix + "_event FROM trial_ep_subject WHERE study_id = ? AND assigned_arm IS NOT NULL "
				+ "ORDER BY subject_id", (rs, row) -> {
					SubjectEnrollment enrollment = new SubjectEnrollment(rs.getString(1), rs.getString(2),
							rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
							rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9));
					LocalDate dataUntil = rs.getObject(10, LocalDate.class);
					if (dataUntil == null) {
						return new StoredOutcome(enrollment, null, null, 0);
					}
					return new StoredOutcome(enrollment, dataUntil, new TimeToEvent(rs.getInt(12), rs.getBoolean(13)),
							rs.getInt(11));
				}, studyId);
	}

	private List<SubjectEnrollment> subjectsOfPatient(String patientId) {
		return jdbc.query("SELECT " + SUBJECT_COLUMNS + " FROM trial_ep_subject WHERE patient_id = ?",
				(rs, row) -> enrollment(rs), patientId);
	}

	private String patientOfSubject(String subjectId, Set<String> studies) {
		List<String[]> rows = jdbc.query("SELECT patient_id, study_id FROM trial_ep_subject WHERE subject_id = ?",
				(rs, row) -> new String[] { rs.getString(1), rs.getString(2) }, subjectId);
		if (rows.isEmpty()) {
			return null;
		}
		studies.add(rows.get(0)[1]);
		return rows.get(0)[0];
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

	/**
	 * Empties the projection (before a rebuild, in the rebuild's transaction) and raises
	 * the version of every study it held, also of rows written around this store.
	 */
	public void clear() {
		raiseEveryStudyVersion();
		jdbc.update("DELETE FROM trial_ep_event");
		jdbc.update("DELETE FROM trial_ep_subject");
		jdbc.update("DELETE FROM trial_ep_patient");
	}

	/**
	 * Raises the version of every study the projection holds rows of (its cached results
	 * are computed afresh on the next call).
	 */
	void raiseEveryStudyVersion() {
		jdbc.update("INSERT INTO trial_ep_study_version (study_id, version) SELECT DISTINCT study_id, 0 "
				+ "FROM trial_ep_subject s WHERE NOT EXISTS "
				+ "(SELECT 1 FROM trial_ep_study_version v WHERE v.study_id = s.study_id)");
		jdbc.update("UPDATE trial_ep_study_version SET version = version + 1");
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

	/**
	 * A stored randomized subject with one endpoint's outcome over all its data.
	 *
	 * @param enrollment the ResearchSubject's facts
	 * @param dataUntil latest date of any of its data; null when not derived yet
	 * @param allData the outcome over all data (valid for cut-offs on or after
	 * {@code dataUntil}), or null
	 * @param resources resources the outcome over all data was derived from
	 */
	public record StoredOutcome(SubjectEnrollment enrollment, LocalDate dataUntil, TimeToEvent allData, int resources) {

		/**
		 * @param cutoff a data cut-off
		 * @return true if the stored outcome is the outcome as of that cut-off
		 */
		public boolean isCurrentAsOf(LocalDate cutoff) {
			return dataUntil != null && !dataUntil.isAfter(cutoff);
		}

	}

}
