package org.trialfhir.server.endpoint;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdverseEventTermsTests {

	@Test
	void termsSurviveTheirTextForm() {
		List<AdverseEventTerm> terms = List.of(new AdverseEventTerm("10016288", "Febrile neutropenia", 3, true),
				new AdverseEventTerm("10001551", "Alanine aminotransferase increased", 1, false));
		assertThat(AdverseEventTerms.decode(AdverseEventTerms.encode(terms))).isEqualTo(terms);
		assertThat(AdverseEventTerms.decode(AdverseEventTerms.encode(List.of()))).isEmpty();
	}

	@Test
	void tabsAndLineBreaksInTermsAreBlanked() {
		List<AdverseEventTerm> terms = List.of(new AdverseEventTerm("1", "a\tb\nc", 2, false));
		assertThat(AdverseEventTerms.decode(AdverseEventTerms.encode(terms)))
			.containsExactly(new AdverseEventTerm("1", "a b c", 2, false));
	}

}
