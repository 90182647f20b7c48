package org.trialfhir.server.blinding;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodes.StudyProduct;

import static org.assertj.core.api.Assertions.assertThat;

/** Which searches and counts a blinded caller is refused, read from the parameters. */
class StudyProductSearchTests {

	private static final String SYSTEM = StudyProduct.RAK_CELLS.system();

	@Test
	void productSearchesAreRecognisedInEveryForm() {
		assertThat(byProduct("MedicationAdministration", "code", SYSTEM + "|rak-cells")).isTrue();
		assertThat(byProduct("MedicationAdministration", "code", "control")).isTrue();
		assertThat(byProduct("MedicationAdministration", "code", SYSTEM + "|tas-102," + SYSTEM + "|control")).isTrue();
		assertThat(byProduct("MedicationAdministration", "code:not", "|rak-cells")).isTrue();
		assertThat(byProduct("MedicationAdministration", "code:text", "tas")).isTrue();
		assertThat(byProduct("MedicationAdministration", "code:in", "http://example.org/ValueSet/x")).isTrue();
		assertThat(byProduct("MedicationAdministration", "medication.code", "rak-cells")).isTrue();
		assertThat(byProduct("Patient", "_has:MedicationAdministration:subject:code", "rak-cells")).isTrue();
		assertThat(byProduct("Patient", "_has:MedicationAdministration:subject:code:text", "cells")).isTrue();
		assertThat(byProduct("AdverseEvent", "substance.code:text", "rak")).isTrue();
		assertThat(byProduct("Medication", "code", "RAK cells")).isTrue();
		assertThat(byProduct("MedicationAdministration", "_sort", "-date,code")).isTrue();
		assertThat(byProduct("Observation", "_sort", "subject.code")).isTrue();
		assertThat(byProduct("MedicationAdministration", "_filter", "code eq tas-102")).isTrue();
		assertThat(byProduct("Patient", "_filter", "name eq x or _has eq RAK-CELLS")).isTrue();
	}

	@Test
	void otherSearchesAreNotProductSearches() {
		assertThat(byProduct("MedicationAdministration", "code", SYSTEM + "|study-cell-product")).isFalse();
		assertThat(byProduct("MedicationAdministration", "code", SYSTEM + "|tas-102")).isFalse();
		assertThat(byProduct("MedicationAdministration", "code", SYSTEM + "|")).isFalse();
		assertThat(byProduct("Observation", "code", "http://loinc.org|control")).isFalse();
		assertThat(byProduct("Observation", "code:text", "weight")).isFalse();
		assertThat(byProduct("MedicationAdministration", "_sort", "-effective-time")).isFalse();
		assertThat(byProduct("MedicationAdministration", "subject", "Patient/control")).isFalse();
	}

	@Test
	void countsAreRecognisedInAnySpelling() {
		assertThat(BlindingConsentService.asksForCount(Map.of("_summary", new String[] { "COUNT" }))).isTrue();
		assertThat(BlindingConsentService.asksForCount(Map.of("_summary", new String[] { "data,count" }))).isTrue();
		assertThat(BlindingConsentService.asksForCount(Map.of("_total", new String[] { "estimate" }))).isTrue();
		assertThat(BlindingConsentService.asksForCount(Map.of("_total", new String[] { "none" }))).isFalse();
		assertThat(BlindingConsentService.asksForCount(Map.of("_summary", new String[] { "true" }))).isFalse();
		assertThat(BlindingConsentService.refusal("ResearchSubject", Map.of("study", new String[] { "x" }))).isEmpty();
	}

	private static boolean byProduct(String type, String name, String value) {
		return StudyProductSearch.searchesByStudyProduct(type, Map.of(name, new String[] { value }));
	}

	@Test
	void armSearchesAreRecognisedInEveryForm() {
		assertThat(BlindingConsentService.searchesByArm(Map.of("assigned-arm", new String[] { "RAK" }))).isTrue();
		assertThat(BlindingConsentService.searchesByArm(Map.of("actual-arm:missing", new String[] { "false" })))
			.isTrue();
		assertThat(BlindingConsentService.searchesByArm(Map.of("_sort", new String[] { "status,-assigned-arm" })))
			.isTrue();
		assertThat(BlindingConsentService
			.searchesByArm(Map.of("_has:ResearchSubject:individual:assigned-arm", new String[] { "RAK" }))).isTrue();
		assertThat(BlindingConsentService.searchesByArm(Map.of("study", new String[] { "ResearchStudy/1" }))).isFalse();
	}

}
