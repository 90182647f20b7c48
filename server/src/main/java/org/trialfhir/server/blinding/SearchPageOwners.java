package org.trialfhir.server.blinding;

import java.time.Duration;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.util.ICachedSearchDetails;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.trialfhir.server.security.TrialCaller;
import org.trialfhir.server.security.TrialCallers;

/**
 * Search result pages are keyed by the caller: a blinded caller fetches
 * {@code _getpages=<id>} only of a search that the same blinded user created. Any other
 * page — of an unblinded caller's search, of another user's, an unknown or expired id —
 * is answered {@code 404} with the same OperationOutcome, so the answer does not tell
 * whether the id exists. Unblinded callers page freely (they may see every set).
 * <p>
 * <b>Where the owner is recorded:</b> when HAPI registers a search
 * ({@code STORAGE_PRESEARCH_REGISTERED}) its UUID (the Bundle.id and {@code _getpages}
 * value) is mapped to the caller's subject and blinding in this interceptor's memory, for
 * as long as HAPI keeps search results. The record does <em>not</em> survive a restart
 * and is not shared between server nodes: after a restart a blinded caller's old page ids
 * are unknown and refused (fail closed); unblinded callers are not affected.
 * <p>
 * <b>Search reuse:</b> HAPI may answer a search with a cached search of the same query
 * ({@code JpaStorageSettings#setReuseCachedSearchResultsForMillis}), keyed by query and
 * partition only. For blinded callers the reuse is turned off
 * ({@code STORAGE_PRECHECK_FOR_CACHED_SEARCH} answers false), so a blinded caller always
 * gets a search of its own, never the id of an unblinded caller's search; an unblinded
 * caller may reuse any search, which reveals nothing to it.
 */
@Interceptor
class SearchPageOwners {

	private static final long MAX_SEARCHES = 200_000;

	private final TrialCallers callers;

	private final Cache<String, Owner> owners;

	/**
	 * @param callers tells who calls
	 * @param keepFor how long HAPI keeps search results (owners are kept as long)
	 */
	SearchPageOwners(TrialCallers callers, Duration keepFor) {
		this.callers = callers;
		this.owners = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(MAX_SEARCHES).build();
	}

	/** Who created a search: the token subject and whether it was blinded. */
	record Owner(String subject, boolean blinded) {
	}

	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	void searchRegistered(RequestDetails request, ICachedSearchDetails search) {
		if (search == null || search.getUuid() == null) {
			return;
		}
		TrialCaller caller = callers.of(callers.behind(request));
		owners.put(search.getUuid(), new Owner(caller.subject(), caller.isBlinded()));
	}

	@Hook(Pointcut.STORAGE_PRECHECK_FOR_CACHED_SEARCH)
	boolean mayReuseCachedSearch(RequestDetails request, SearchParameterMap map) {
		return !callers.of(callers.behind(request)).isBlinded();
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	void beforePage(RequestDetails request, RestOperationTypeEnum operation) {
		if (operation != RestOperationTypeEnum.GET_PAGE) {
			return;
		}
		TrialCaller caller = callers.of(request);
		if (!caller.isBlinded()) {
			return;
		}
		String[] ids = request.getParameters().get(Constants.PARAM_PAGINGACTION);
		String id = (ids != null && ids.length == 1) ? ids[0] : null;
		Owner owner = (id != null) ? owners.getIfPresent(id) : null;
		if (owner == null || !owner.blinded() || !owner.subject().equals(caller.subject())) {
			throw BlindingRefusal.unknownPage();
		}
	}

}
