package org.trialfhir.server.analysis.doseescalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ThreePlusThreeDesignTests {

	private static final ThreePlusThreeDesign DESIGN = ThreePlusThreeDesign.withDefaults();

	private static List<DoseLevelOutcome> doses(int... treatedAndDlt) {
		List<DoseLevelOutcome> d = new ArrayList<>();
		for (int i = 0; i < treatedAndDlt.length; i += 2) {
			d.add(new DoseLevelOutcome(treatedAndDlt[i], treatedAndDlt[i + 1]));
		}
		return d;
	}

	private static void assertGo(DoseEscalationDecision d, DoseEscalationAction action, int next) {
		assertThat(d.action()).as(d.reason()).isEqualTo(action);
		assertThat(d.nextDose()).as(d.reason()).hasValue(next);
		assertThat(d.maximumToleratedDose()).isEmpty();
	}

	private static void assertStop(DoseEscalationDecision d, Integer mtd) {
		assertThat(d.action()).as(d.reason()).isEqualTo(DoseEscalationAction.STOP);
		assertThat(d.nextDose()).isEmpty();
		if (mtd == null) {
			assertThat(d.maximumToleratedDose()).as(d.reason()).isEmpty();
		}
		else {
			assertThat(d.maximumToleratedDose()).as(d.reason()).hasValue(mtd);
		}
	}

	@Test
	void zeroOfThreeEscalates() {
		assertGo(DESIGN.decide(doses(3, 0, 0, 0, 0, 0), 1), DoseEscalationAction.ESCALATE, 2);
	}

	@Test
	void oneOfThreeExpandsToSix() {
		assertGo(DESIGN.decide(doses(3, 0, 3, 1, 0, 0), 2), DoseEscalationAction.STAY, 2);
	}

	@Test
	void oneOfSixEscalates() {
		assertGo(DESIGN.decide(doses(3, 0, 6, 1, 0, 0), 2), DoseEscalationAction.ESCALATE, 3);
	}

	@Test
	void twoOfThreeDeEscalatesToExpandTheLowerDose() {
		assertGo(DESIGN.decide(doses(3, 0, 3, 2, 0, 0), 2), DoseEscalationAction.DE_ESCALATE, 1);
	}

	@Test
	void twoOfSixWithSixTreatedBelowDeclaresTheLowerDoseMtd() {
		assertStop(DESIGN.decide(doses(3, 0, 6, 1, 6, 2), 3), 2);
		assertStop(DESIGN.decide(doses(6, 0, 3, 2), 2), 1);
	}

	@Test
	void expandedLowerDoseWithAtMostOneOfSixIsTheMtd() {
		// dose 2 exceeded (2/3), dose 1 expanded to 6 with 1 DLT: dose 1 is the MTD
		assertStop(DESIGN.decide(doses(6, 1, 3, 2, 0, 0), 1), 1);
		// 0/3 directly below an exceeded dose: expand rather than re-escalate
		assertGo(DESIGN.decide(doses(3, 0, 3, 2, 0, 0), 1), DoseEscalationAction.STAY, 1);
	}

	@Test
	void toxicLowestDoseStopsWithoutMtd() {
		assertStop(DESIGN.decide(doses(3, 2, 0, 0), 1), null);
		assertStop(DESIGN.decide(doses(6, 2, 0, 0), 1), null);
	}

	@Test
	void highestDose() {
		assertGo(DESIGN.decide(doses(3, 0, 3, 0), 2), DoseEscalationAction.STAY, 2);
		assertStop(DESIGN.decide(doses(3, 0, 6, 1), 2), 2);
	}

	@Test
	void rejectsIncompleteCohortsAndInconsistentHistory() {
		assertThatThrownBy(() -> DESIGN.decide(doses(4, 0, 0, 0), 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("complete cohort");
		assertThatThrownBy(() -> DESIGN.decide(doses(6, 3, 3, 2), 2)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("inconsistent");
		assertThatThrownBy(() -> DESIGN.decide(doses(0, 0, 0, 0), 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no patients treated");
		assertThatThrownBy(() -> DESIGN.decide(doses(3, 0), 0)).isInstanceOf(IllegalArgumentException.class);
	}

}
