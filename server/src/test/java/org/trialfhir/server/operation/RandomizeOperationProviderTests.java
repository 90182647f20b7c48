package org.trialfhir.server.operation;

import org.hl7.fhir.r4.model.ResearchSubject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RandomizeOperationProviderTests {

	@Test
	void aBlindedCallerGetsTheSubjectWithoutItsArm() {
		ResearchSubject subject = new ResearchSubject().setAssignedArm("RAK").setActualArm("RAK");

		ResearchSubject masked = RandomizeOperationProvider.masked(subject);

		assertThat(masked.hasAssignedArm()).isFalse();
		assertThat(masked.hasActualArm()).isFalse();
		assertThat(masked.getMeta().getSecurity()).anyMatch(c -> c.getCode().equals("MASKED"));
		assertThat(subject.getAssignedArm()).as("the stored subject is untouched").isEqualTo("RAK");
	}

}
