package org.trialfhir.server.blinding;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOperationStatusEnum;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.trialfhir.profiles.TrialSearchParameters;
import org.trialfhir.server.security.TrialCallers;

/**
 * Blinding as a HAPI consent service. Unblinded callers (and the server itself) are
 * authorized outright. For blinded callers every resource on its way out — read, vread,
 * search, includes, history, {@code $everything}, paging, operation results — is replaced
 * by its {@link ArmMasking masked copy}, and a request that searches, sorts or
 * {@code _has}-filters by an arm or by the study cell product
 * ({@link StudyProductSearch}) or asks for a count ({@code _summary=count},
 * {@code _total}) is rejected with {@code 403}. HAPI's consent interceptor also removes
 * {@code Bundle.total} from responses to blinded callers. The same {@link #refusal
 * refusal} applies to searches that do not come as a request of their own (entries of a
 * batch, conditional matches): {@link BlindedSearchGuard}.
 */
public class BlindingConsentService implements IConsentService {

	private static final Set<String> ARM_PARAMETERS = Set.of(TrialSearchParameters.SUBJECT_ASSIGNED_ARM,
			TrialSearchParameters.SUBJECT_ACTUAL_ARM);

	private final TrialCallers callers;

	/**
	 * @param callers tells who calls
	 */
	public BlindingConsentService(TrialCallers callers) {
		this.callers = callers;
	}

	@Override
	public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices context) {
		if (!callers.of(request).isBlinded()) {
			return ConsentOutcome.AUTHORIZED;
		}
		return refusal(request.getResourceName(), request.getParameters())
			.map(message -> new ConsentOutcome(ConsentOperationStatusEnum.REJECT,
					BlindingRefusal.forbiddenOutcome(message)))
			.orElse(ConsentOutcome.PROCEED);
	}

	/**
	 * @param resourceType the searched type, or null when unknown
	 * @param parameters a blinded caller's search parameters
	 * @return why the search is refused, or empty when it may run
	 */
	static Optional<String> refusal(String resourceType, Map<String, String[]> parameters) {
		if (searchesByArm(parameters)) {
			return Optional.of("Blinded users cannot search, sort or filter by treatment arm");
		}
		if (StudyProductSearch.searchesByStudyProduct(resourceType, parameters)) {
			return Optional.of("Blinded users cannot search, sort or filter by the study cell product");
		}
		if (asksForCount(parameters)) {
			return Optional.of("Blinded users get no counts (_summary=count, _total)");
		}
		return Optional.empty();
	}

	/**
	 * @param parameters the request's parameters
	 * @return true when they ask for a count: {@code _summary=count} in any spelling or
	 * list (HAPI's consent interceptor refuses only the exact value), or {@code _total}
	 * other than {@code none}
	 */
	static boolean asksForCount(Map<String, String[]> parameters) {
		if (parameters == null) {
			return false;
		}
		String[] summary = parameters.getOrDefault(Constants.PARAM_SUMMARY, new String[0]);
		boolean countOnly = Stream.of(summary)
			.flatMap(value -> Stream.of(value.split(",")))
			.anyMatch(value -> value.trim().equalsIgnoreCase("count"));
		String[] total = parameters.getOrDefault(Constants.PARAM_SEARCH_TOTAL_MODE, new String[0]);
		boolean totals = Stream.of(total).anyMatch(value -> !value.trim().toLowerCase(Locale.ROOT).equals("none"));
		return countOnly || totals;
	}

	@Override
	public boolean shouldProcessCanSeeResource(RequestDetails request, IConsentContextServices context) {
		return false;
	}

	@Override
	public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource,
			IConsentContextServices context) {
		if (!callers.of(request).isBlinded()) {
			return ConsentOutcome.AUTHORIZED;
		}
		return ArmMasking.mask(resource)
			.map(masked -> new ConsentOutcome(ConsentOperationStatusEnum.PROCEED, masked))
			.orElse(ConsentOutcome.PROCEED);
	}

	/**
	 * @param parameters the request's parameters
	 * @return true when any names an arm search parameter: directly (with modifiers), in
	 * a chain, in {@code _has}, in {@code _sort} or in {@code _filter}
	 */
	static boolean searchesByArm(Map<String, String[]> parameters) {
		if (parameters == null) {
			return false;
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (mentionsArm(parameter.getKey())) {
				return true;
			}
			String name = parameter.getKey();
			boolean listsParameters = name.equals(Constants.PARAM_SORT) || name.equals(Constants.PARAM_FILTER)
					|| name.startsWith(Constants.PARAM_HAS);
			if (listsParameters && Stream.of(parameter.getValue()).anyMatch(BlindingConsentService::mentionsArm)) {
				return true;
			}
		}
		return false;
	}

	private static boolean mentionsArm(String text) {
		return ARM_PARAMETERS.stream().anyMatch(text::contains);
	}

}
