package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodes.RecistResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The derivation rules of DESIGN.md, one at a time. The origin is 2025-01-01, so a date's
 * day of month minus one is its day from the origin in January.
 */
class EndpointDerivationTests {

	private static final LocalDate ORIGIN = LocalDate.of(2025, 1, 1);

	private static final LocalDate NO_CUTOFF = LocalDate.MAX;

	private final EndpointDerivation derivation = EndpointDerivation.withDefaults();

	private final List<ClinicalEvent> events = new ArrayList<>();

	private LocalDate death;

	private SubjectEnrollment subject = new SubjectEnrollment("s1", "study", "p1", ORIGIN, "on-study", null, "RAK",
			"RAK", "ecog-0");

	@Test
	void aliveWithoutDataIsCensoredAtDayZeroForEveryEndpoint() {
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.os()).isEqualTo(TimeToEvent.censoredAt(0));
		assertThat(facts.pfs()).isEqualTo(TimeToEvent.censoredAt(0));
		assertThat(facts.ttp()).isEqualTo(TimeToEvent.censoredAt(0));
		assertThat(facts.bestResponse()).isEqualTo(RecistResponse.NE);
		assertThat(facts.isTreated()).isFalse();
		assertThat(facts.resources()).isEqualTo(2);
	}

	@Test
	void osIsDeathOnOrBeforeCutoff() {
		death = day(40);
		assessment(10, RecistResponse.SD);
		assertThat(derive(NO_CUTOFF).os()).isEqualTo(TimeToEvent.eventAt(40));
		assertThat(derive(day(40)).os()).isEqualTo(TimeToEvent.eventAt(40));
	}

	@Test
	void osIsCensoredAtLastKnownAliveWhenDeathIsAfterCutoff() {
		death = day(40);
		assessment(10, RecistResponse.SD);
		dose(20);
		observation(25);
		assertThat(derive(day(39)).os()).isEqualTo(TimeToEvent.censoredAt(25));
	}

	@Test
	void lastKnownAliveTakesEveryKindOfDatedResourceAndEncounterEnds() {
		dose(5);
		adverseEvent(12, 2, false, "10028813");
		encounter(14, 18);
		assertThat(derive(NO_CUTOFF).os()).isEqualTo(TimeToEvent.censoredAt(18));
		// an encounter that ends after the cut-off shows the patient alive on its start
		assertThat(derive(day(16)).os()).isEqualTo(TimeToEvent.censoredAt(14));
	}

	@Test
	void dataAfterCutoffAreIgnored() {
		dose(2);
		assessment(10, RecistResponse.PR);
		assessment(20, RecistResponse.PD);
		adverseEvent(15, 4, true, "10016288");
		death = day(30);
		SubjectEndpoints facts = derive(day(14));
		assertThat(facts.os()).isEqualTo(TimeToEvent.censoredAt(10));
		assertThat(facts.pfs()).isEqualTo(TimeToEvent.censoredAt(10));
		assertThat(facts.ttp()).isEqualTo(TimeToEvent.censoredAt(10));
		assertThat(facts.bestResponse()).isEqualTo(RecistResponse.PR);
		assertThat(facts.adverseEvents()).isEmpty();
		assertThat(facts.resources()).isEqualTo(4);
	}

	@Test
	void dayZeroAssessmentIsBaseline() {
		assessment(0, RecistResponse.PD);
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.pfs()).isEqualTo(TimeToEvent.censoredAt(0));
		assertThat(facts.ttp()).isEqualTo(TimeToEvent.censoredAt(0));
		assertThat(facts.bestResponse()).isEqualTo(RecistResponse.NE);
	}

	@Test
	void notEvaluableAssessmentsDoNotMoveCensoring() {
		assessment(10, RecistResponse.SD);
		assessment(20, RecistResponse.NE);
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.pfs()).isEqualTo(TimeToEvent.censoredAt(10));
		assertThat(facts.ttp()).isEqualTo(TimeToEvent.censoredAt(10));
		// but NE data show the patient alive
		assertThat(facts.os()).isEqualTo(TimeToEvent.censoredAt(20));
	}

	@Test
	void onlyNotEvaluableAssessmentsCensorAtDayZero() {
		assessment(10, RecistResponse.NE);
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.pfs()).isEqualTo(TimeToEvent.censoredAt(0));
		assertThat(facts.bestResponse()).isEqualTo(RecistResponse.NE);
	}

	@Test
	void pfsIsFirstProgressionWhenBeforeDeath() {
		assessment(10, RecistResponse.PD);
		assessment(20, RecistResponse.PD);
		death = day(25);
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.pfs()).isEqualTo(TimeToEvent.eventAt(10));
		assertThat(facts.ttp()).isEqualTo(TimeToEvent.eventAt(10));
		assertThat(facts.os()).isEqualTo(TimeToEvent.eventAt(25));
	}

	@Test
	void pfsIsDeathWhenDeathComesFirst() {
		assessment(10, RecistResponse.SD);
		death = day(15);
		assessment(20, RecistResponse.PD); // recorded after death: PFS takes the earlier
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.pfs()).isEqualTo(TimeToEvent.eventAt(15));
		assertThat(facts.ttp()).isEqualTo(TimeToEvent.eventAt(20));
	}

	@Test
	void deathAndProgressionOnTheSameDayIsOnePfsEvent() {
		assessment(12, RecistResponse.PD);
		death = day(12);
		assertThat(derive(NO_CUTOFF).pfs()).isEqualTo(TimeToEvent.eventAt(12));
	}

	@Test
	void ttpCensorsDeathWithoutProgressionAtLastAdequateAssessment() {
		assessment(10, RecistResponse.PR);
		assessment(18, RecistResponse.SD);
		assessment(21, RecistResponse.NE);
		death = day(25);
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.ttp()).isEqualTo(TimeToEvent.censoredAt(18));
		assertThat(facts.pfs()).isEqualTo(TimeToEvent.eventAt(25));
	}

	@Test
	void ttpCensorsDeathAtDayZeroWithoutAssessment() {
		death = day(9);
		assertThat(derive(NO_CUTOFF).ttp()).isEqualTo(TimeToEvent.censoredAt(0));
		assertThat(derive(NO_CUTOFF).pfs()).isEqualTo(TimeToEvent.eventAt(9));
	}

	@Test
	void bestResponseStopsAtFirstProgression() {
		assessment(10, RecistResponse.SD);
		assessment(15, RecistResponse.PD);
		assessment(25, RecistResponse.CR);
		assertThat(derive(NO_CUTOFF).bestResponse()).isEqualTo(RecistResponse.SD);
	}

	@Test
	void bestResponseRanksCompleteOverPartial() {
		assessment(10, RecistResponse.PR);
		assessment(15, RecistResponse.CR);
		assessment(20, RecistResponse.SD);
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.bestResponse()).isEqualTo(RecistResponse.CR);
		assertThat(facts.isResponder()).isTrue();
		assertThat(facts.hasDiseaseControl()).isTrue();
	}

	@Test
	void progressionOnlyIsNotDiseaseControl() {
		assessment(10, RecistResponse.PD);
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.bestResponse()).isEqualTo(RecistResponse.PD);
		assertThat(facts.hasDiseaseControl()).isFalse();
	}

	@Test
	void outOfOrderEventsGiveTheSameFacts() {
		assessment(20, RecistResponse.PD);
		assessment(10, RecistResponse.PR);
		dose(3);
		dose(1);
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.pfs()).isEqualTo(TimeToEvent.eventAt(20));
		assertThat(facts.bestResponse()).isEqualTo(RecistResponse.PR);
		assertThat(facts.firstDose()).isEqualTo(day(1));
	}

	@Test
	void adverseEventsBeforeFirstDoseAreNotTreatmentEmergent() {
		adverseEvent(1, 3, true, "10001551");
		dose(2);
		adverseEvent(2, 1, false, "10028813");
		adverseEvent(9, 3, false, "10028813");
		adverseEvent(12, 2, true, "10012735");
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.adverseEvents()).containsExactly(new AdverseEventTerm("10012735", "term", 2, true),
				new AdverseEventTerm("10028813", "term", 3, false));
		assertThat(facts.worstGrade()).isEqualTo(3);
		assertThat(facts.hasSeriousAdverseEvent()).isTrue();
	}

	@Test
	void untreatedSubjectsHaveNoTreatmentEmergentEvents() {
		adverseEvent(5, 4, true, "10001551");
		SubjectEndpoints facts = derive(NO_CUTOFF);
		assertThat(facts.adverseEvents()).isEmpty();
		assertThat(facts.worstGrade()).isZero();
	}

	@Test
	void discontinuationCountsFromPeriodEnd() {
		subject = new SubjectEnrollment("s1", "study", "p1", ORIGIN, "off-study", day(20), "RAK", "RAK", null);
		assertThat(derive(day(19)).discontinued()).isFalse();
		assertThat(derive(day(20)).discontinued()).isTrue();
		assertThat(derive(day(20)).discontinuationReason()).contains("off-study");
		subject = new SubjectEnrollment("s1", "study", "p1", ORIGIN, "withdrawn", null, "RAK", "RAK", null);
		assertThat(derive(day(1)).discontinued()).isTrue();
		subject = new SubjectEnrollment("s1", "study", "p1", ORIGIN, "on-study", null, "RAK", "RAK", null);
		assertThat(derive(NO_CUTOFF).discontinued()).isFalse();
	}

	@Test
	void datesBeforeOriginCountAsDayZero() {
		observation(-3);
		assertThat(derive(NO_CUTOFF).os()).isEqualTo(TimeToEvent.censoredAt(0));
	}

	private SubjectEndpoints derive(LocalDate cutoff) {
		return derivation.derive(subject, death, events, cutoff);
	}

	private static LocalDate day(int day) {
		return ORIGIN.plusDays(day);
	}

	private void assessment(int day, RecistResponse response) {
		events.add(new ClinicalEvent("Observation/" + events.size(), "p1", ClinicalEvent.Kind.TUMOR_RESPONSE, day(day),
				null, response, 0, false, null, null));
	}

	private void observation(int day) {
		events.add(new ClinicalEvent("Observation/" + events.size(), "p1", ClinicalEvent.Kind.OBSERVATION, day(day),
				null, null, 0, false, null, null));
	}

	private void dose(int day) {
		events.add(new ClinicalEvent("MedicationAdministration/" + events.size(), "p1", ClinicalEvent.Kind.DOSE,
				day(day), null, null, 0, false, null, null));
	}

	private void adverseEvent(int day, int grade, boolean serious, String term) {
		events.add(new ClinicalEvent("AdverseEvent/" + events.size(), "p1", ClinicalEvent.Kind.ADVERSE_EVENT, day(day),
				null, null, grade, serious, term, "term"));
	}

	private void encounter(int start, int end) {
		events.add(new ClinicalEvent("Encounter/" + events.size(), "p1", ClinicalEvent.Kind.ENCOUNTER, day(start),
				day(end), null, 0, false, null, null));
	}

}
