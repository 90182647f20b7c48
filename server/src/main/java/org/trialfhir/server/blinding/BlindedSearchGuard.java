package org.trialfhir.server.blinding;

import java.util.HashMap;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.util.ICachedSearchDetails;
import ca.uhn.fhir.util.UrlUtil;
import org.trialfhir.server.security.TrialCallers;

/**
 * The search refusals of {@link BlindingConsentService} for searches that reach the
 * database without a request of their own: the GET entries of a batch or transaction
 * (HAPI runs them without the request-level consent hooks) and the match URLs of
 * conditional creates, updates and deletes (which would tell by {@code 200} or
 * {@code 201} whether a patient has an arm or got RAK cells). Before any search of a
 * blinded caller runs, its parameters (as sent, and as HAPI parsed them) are checked; a
 * refused search fails with {@code 403} and an OperationOutcome (in a batch: that entry;
 * in a transaction: the whole bundle). The server's own searches are not judged.
 */
@Interceptor
public class BlindedSearchGuard {

	private final FhirContext fhirContext;

	private final TrialCallers callers;

	public BlindedSearchGuard(FhirContext fhirContext, TrialCallers callers) {
		this.fhirContext = fhirContext;
		this.callers = callers;
	}

	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	void beforeSearch(RequestDetails request, ICachedSearchDetails search, SearchParameterMap map) {
		// the request HAPI hands over: a batch entry's own request, the HTTP request of a
		// conditional match, or the server's own (system) request
		if (!callers.of(request).isBlinded()) {
			return;
		}
		String type = (search != null) ? search.getResourceType() : null;
		Map<String, String[]> parsed = parameters(map);
		BlindingConsentService.refusal(type, request.getParameters())
			.or(() -> BlindingConsentService.refusal(type, parsed))
			.ifPresent(message -> {
				throw BlindingRefusal.forbidden(message);
			});
	}

	/**
	 * The parsed search as parameters: its normalized query, sort and summary. (Its
	 * {@code _total} is left out: the server may default it; a {@code _total} the caller
	 * sent is among the request's own parameters.)
	 */
	private Map<String, String[]> parameters(SearchParameterMap map) {
		Map<String, String[]> parameters = new HashMap<>();
		if (map == null) {
			return parameters;
		}
		String query = map.toNormalizedQueryString(fhirContext);
		if (query != null && !query.isEmpty()) {
			parameters.putAll(UrlUtil.parseQueryString(query.startsWith("?") ? query.substring(1) : query));
		}
		StringBuilder sort = new StringBuilder();
		for (SortSpec spec = map.getSort(); spec != null; spec = spec.getChain()) {
			sort.append(sort.isEmpty() ? "" : ",").append(spec.getParamName());
		}
		if (!sort.isEmpty()) {
			parameters.put(Constants.PARAM_SORT, new String[] { sort.toString() });
		}
		if (map.getSummaryMode() == SummaryEnum.COUNT) {
			parameters.put(Constants.PARAM_SUMMARY, new String[] { SummaryEnum.COUNT.getCode() });
		}
		return parameters;
	}

}
