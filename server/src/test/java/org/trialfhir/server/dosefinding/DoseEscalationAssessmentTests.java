package org.trialfhir.server.dosefinding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodes.DoseEscalationDesign;
import org.trialfhir.server.analysis.doseescalation.DoseEscalationAction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DoseEscalationAssessmentTests {

	private static final LocalDate FIRST_DOSE = LocalDate.of(2025, 1, 6);

	private static DoseEscalationProtocol protocol(DoseEscalationDesign design, int window) {
		List<ProtocolDoseLevel> levels = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			levels.add(new ProtocolDoseLevel(i, new Quantity(i), Optional.of("DL" + i)));
		}
		return new DoseEscalationProtocol(design, OptionalDouble.of(0.3), window, levels, OptionalInt.empty());
	}

	private static SubjectDltHistory subject(int level, LocalDate firstDose, LocalDate... dlts) {
		return new SubjectDltHistory("ResearchSubject/" + level + firstDose, level, firstDose, List.of(dlts));
	}

	@Test
	void theWindowCoversDayZeroToWindowMinusOne() {
		assertThat(DoseEscalationAssessment.withinWindow(FIRST_DOSE, FIRST_DOSE, 21, FIRST_DOSE)).isTrue();
		assertThat(
				DoseEscalationAssessment.withinWindow(FIRST_DOSE, FIRST_DOSE.plusDays(20), 21, FIRST_DOSE.plusDays(30)))
			.isTrue();
		assertThat(
				DoseEscalationAssessment.withinWindow(FIRST_DOSE, FIRST_DOSE.plusDays(21), 21, FIRST_DOSE.plusDays(30)))
			.isFalse();
		assertThat(
				DoseEscalationAssessment.withinWindow(FIRST_DOSE, FIRST_DOSE.minusDays(1), 21, FIRST_DOSE.plusDays(30)))
			.as("before the first dose")
			.isFalse();
		assertThat(
				DoseEscalationAssessment.withinWindow(FIRST_DOSE, FIRST_DOSE.plusDays(5), 21, FIRST_DOSE.plusDays(4)))
			.as("after the cut-off")
			.isFalse();
	}

	@Test
	void aSubjectBecomesEvaluableOnDayWindow() {
		DoseEscalationProtocol protocol = protocol(DoseEscalationDesign.THREE_PLUS_THREE, 21);
		List<SubjectDltHistory> histories = List.of(subject(1, FIRST_DOSE));
		assertThat(
				DoseEscalationAssessment.assess(protocol, histories, FIRST_DOSE.plusDays(20)).levels().get(0).pending())
			.isEqualTo(1);
		assertThat(DoseEscalationAssessment.assess(protocol, histories, FIRST_DOSE.plusDays(21))
			.levels()
			.get(0)
			.dltEvaluable()).isEqualTo(1);
	}

	@Test
	void theMostRecentlyTreatedSubjectSetsTheCurrentLevel() {
		DoseEscalationProtocol protocol = protocol(DoseEscalationDesign.BOIN, 21);
		List<SubjectDltHistory> histories = List.of(subject(1, FIRST_DOSE), subject(1, FIRST_DOSE),
				subject(1, FIRST_DOSE), subject(2, FIRST_DOSE.plusDays(28)), subject(2, FIRST_DOSE.plusDays(28)),
				subject(2, FIRST_DOSE.plusDays(28)));
		DoseEscalationStatus status = DoseEscalationAssessment.assess(protocol, histories, FIRST_DOSE.plusDays(60));
		assertThat(status.decision()).hasValueSatisfying(d -> {
			assertThat(d.currentDose()).isEqualTo(2);
			assertThat(d.action()).isEqualTo(DoseEscalationAction.ESCALATE);
			assertThat(d.nextDose()).hasValue(3);
		});
	}

	@Test
	void moreThanSixSubjectsAtAThreePlusThreeLevelIsAnImpossibleHistory() {
		DoseEscalationProtocol protocol = protocol(DoseEscalationDesign.THREE_PLUS_THREE, 21);
		List<SubjectDltHistory> histories = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			histories.add(subject(1, FIRST_DOSE));
		}
		assertThatThrownBy(() -> DoseEscalationAssessment.assess(protocol, histories, FIRST_DOSE.plusDays(60)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at most 6");
	}

	@Test
	void aSubjectAtAnUnknownLevelIsRefused() {
		DoseEscalationProtocol protocol = protocol(DoseEscalationDesign.BOIN, 21);
		assertThatThrownBy(() -> DoseEscalationAssessment.assess(protocol, List.of(subject(4, FIRST_DOSE)),
				FIRST_DOSE.plusDays(60)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no dose level 4");
	}

	private static org.hl7.fhir.r4.model.Duration window(int value, String unit) {
		org.hl7.fhir.r4.model.Duration duration = new org.hl7.fhir.r4.model.Duration();
		duration.setValue(value);
		duration.setCode(unit);
		return duration;
	}

	@Test
	void dltWindowUnitsConvertToDays() {
		assertThat(DoseEscalationProtocol.days(window(21, "d"))).isEqualTo(21);
		assertThat(DoseEscalationProtocol.days(window(4, "wk"))).isEqualTo(28);
		assertThat(DoseEscalationProtocol.days(window(1, "mo"))).isEqualTo(30);
		assertThatThrownBy(() -> DoseEscalationProtocol.days(window(3, "h")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
