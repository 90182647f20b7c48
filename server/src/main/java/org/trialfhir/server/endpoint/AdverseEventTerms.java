package org.trialfhir.server.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Text form of a subject's adverse-event terms in one projection column: one line per
 * term, {@code code TAB worstGrade TAB serious(0|1) TAB display}.
 */
final class AdverseEventTerms {

	private static final String FIELD = "\t";

	private static final String LINE = "\n";

	private AdverseEventTerms() {
	}

	static String encode(List<AdverseEventTerm> terms) {
		return terms.stream()
			.map((t) -> clean(t.code()) + FIELD + t.worstGrade() + FIELD + (t.serious() ? 1 : 0) + FIELD
					+ clean(t.display()))
			.collect(Collectors.joining(LINE));
	}

	static List<AdverseEventTerm> decode(String text) {
		List<AdverseEventTerm> terms = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return terms;
		}
		for (String line : text.split(LINE)) {
			String[] field = line.split(FIELD, 4);
			terms.add(new AdverseEventTerm(field[0], field[3], Integer.parseInt(field[1]), "1".equals(field[2])));
		}
		return terms;
	}

	private static String clean(String text) {
		return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
	}

}
