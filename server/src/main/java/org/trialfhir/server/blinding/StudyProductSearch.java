package org.trialfhir.server.blinding;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.uhn.fhir.rest.api.Constants;
import org.trialfhir.profiles.TrialCodes.StudyProduct;

/**
 * Whether a search would select, sort or filter by the study cell product a blinded
 * caller must not know (RAK cells or control): such a search splits the
 * MedicationAdministrations (and Medication*) by arm, and its paging or count tells the
 * arm sizes. Searching by the masked code {@code study-cell-product} or by TAS-102 is
 * fine. A search is by the product when
 * <ul>
 * <li>a code parameter (any parameter whose name contains {@code code}: {@code code},
 * {@code ingredient-code}, chains such as {@code medication.code} or
 * {@code substance:MedicationAdministration.code}, {@code _has:…:code}) has a value
 * naming RAK cells or control, with or without the study-product system, in any modifier
 * or OR list;</li>
 * <li>a code parameter that can reach a Medication* resource (the searched type is one,
 * the name is chained or mentions {@code medication}) is matched by text or by value set
 * ({@code :text}, {@code :in}, {@code :not-in}, {@code :above}, {@code :below} and
 * similar), which could name the product without its code;</li>
 * <li>{@code _sort} of a Medication* search names a code or a chain through
 * {@code medication}, or any chained sort ends in {@code code};</li>
 * <li>{@code _filter} mentions a masked product, or a code on a Medication* search.</li>
 * </ul>
 * The check reads the parameter text, like the arm check of
 * {@link BlindingConsentService}: it errs on the side of refusing.
 */
final class StudyProductSearch {

	/** Resource types that record the study cell product. */
	static final Set<String> PRODUCT_TYPES = Set.of("Medication", "MedicationAdministration", "MedicationRequest",
			"MedicationDispense", "MedicationStatement");

	private static final Set<String> MASKED_CODES = Stream.of(StudyProduct.values())
		.filter(StudyProduct::isMasked)
		.map(StudyProduct::code)
		.collect(Collectors.toUnmodifiableSet());

	private static final Set<String> INDIRECT_MODIFIERS = Set.of("text", "text-advanced", "code-text", "in", "not-in",
			"above", "below", "of-type");

	private static final Pattern MASKED_IN_TEXT = Pattern
		.compile("(?i)(?<![\\w-])(" + StudyProduct.RAK_CELLS.code() + "|" + StudyProduct.CONTROL.code() + "|"
				+ Pattern.quote(StudyProduct.RAK_CELLS.display()) + ")(?![\\w-])");

	private static final String CODE = "code";

	private static final String MEDICATION = "medication";

	private StudyProductSearch() {
	}

	/**
	 * @param resourceType the searched type, or null when unknown
	 * @param parameters the search parameters
	 * @return true when the search selects, sorts or filters by RAK cells or control
	 */
	static boolean searchesByStudyProduct(String resourceType, Map<String, String[]> parameters) {
		if (parameters == null) {
			return false;
		}
		boolean productType = resourceType != null && PRODUCT_TYPES.contains(resourceType);
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			String[] values = (parameter.getValue() != null) ? parameter.getValue() : new String[0];
			if (name.equals(Constants.PARAM_SORT)) {
				if (Stream.of(values).anyMatch(sort -> sortsByProduct(productType, sort))) {
					return true;
				}
			}
			else if (name.equals(Constants.PARAM_FILTER)) {
				if (Stream.of(values).anyMatch(filter -> filtersByProduct(productType, filter))) {
					return true;
				}
			}
			else if (isCodeParameter(name) && (Stream.of(values).anyMatch(StudyProductSearch::namesMaskedProduct)
					|| (matchesIndirectly(name) && reachesProduct(productType, name)))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isCodeParameter(String name) {
		return name.toLowerCase(Locale.ROOT).contains(CODE);
	}

	private static boolean matchesIndirectly(String name) {
		String[] parts = name.split(":");
		return Stream.of(parts).skip(1).anyMatch(part -> INDIRECT_MODIFIERS.contains(part.toLowerCase(Locale.ROOT)));
	}

	private static boolean reachesProduct(boolean productType, String name) {
		return productType || name.contains(".") || name.toLowerCase(Locale.ROOT).contains(MEDICATION);
	}

	/**
	 * @param value a token search value, possibly an OR list of {@code system|code}
	 * @return true when one names RAK cells or control
	 */
	static boolean namesMaskedProduct(String value) {
		for (String token : value.split(",")) {
			String code = token.trim();
			int bar = code.indexOf('|');
			if (bar >= 0) {
				String system = code.substring(0, bar);
				if (!system.isEmpty() && !system.equals(StudyProduct.RAK_CELLS.system())) {
					continue;
				}
				code = code.substring(bar + 1);
			}
			String lower = code.toLowerCase(Locale.ROOT);
			if (MASKED_CODES.contains(lower)
					|| lower.equals(StudyProduct.RAK_CELLS.display().toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	private static boolean sortsByProduct(boolean productType, String sort) {
		for (String key : sort.split(",")) {
			String name = key.trim().replaceFirst("^-", "").toLowerCase(Locale.ROOT);
			boolean chained = name.contains(".");
			if (chained && name.endsWith(CODE)) {
				return true;
			}
			if (productType && (name.contains(CODE) || name.startsWith(MEDICATION))) {
				return true;
			}
		}
		return false;
	}

	private static boolean filtersByProduct(boolean productType, String filter) {
		if (MASKED_IN_TEXT.matcher(filter).find()) {
			return true;
		}
		String lower = filter.toLowerCase(Locale.ROOT);
		return (productType || lower.contains(MEDICATION)) && lower.contains(CODE);
	}

}
