package org.trialfhir.server.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.trialfhir.profiles.TrialCodes.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Tells who made a FHIR request from the bearer token that Spring Security validated.
 * Requests that did not come over HTTP (no servlet request: batch jobs, start-up, the
 * server's own DAO calls) are the {@link TrialCaller#SYSTEM system}; an HTTP request
 * without a validated token is {@link TrialCaller#ANONYMOUS anonymous} (blinded, no
 * permissions) — the check fails closed.
 */
public class TrialCallers implements CallerBlinding {

	private static final String CALLER_KEY = TrialCallers.class.getName();

	private static final String SCOPE_CLAIM = "scope";

	private static final String SCOPE_LIST_CLAIM = "scp";

	private final String roleClaim;

	private final ThreadLocal<RequestDetails> current = new ThreadLocal<>();

	/**
	 * @param roleClaim the claim (dotted path for nested claims) that carries the roles
	 */
	public TrialCallers(String roleClaim) {
		this.roleClaim = roleClaim;
	}

	/**
	 * Remembers the HTTP request this thread serves (set when HAPI starts handling it,
	 * cleared when it is done), for storage hooks that HAPI hands another request object.
	 * @param request the request, or null when done
	 */
	void serving(RequestDetails request) {
		if (request == null) {
			current.remove();
		}
		else {
			current.set(request);
		}
	}

	/**
	 * @param request the request a hook was given
	 * @return the HTTP request behind it: itself if it came over HTTP, otherwise the one
	 * this thread is serving, if any
	 */
	public RequestDetails behind(RequestDetails request) {
		if (request instanceof ServletRequestDetails || current.get() == null) {
			return request;
		}
		return current.get();
	}

	@Override
	public boolean isBlinded(RequestDetails request) {
		return of(request).isBlinded();
	}

	/**
	 * @param request a FHIR request, or null for internal calls
	 * @return its caller
	 */
	public TrialCaller of(RequestDetails request) {
		if (!(request instanceof ServletRequestDetails servletRequest)) {
			return TrialCaller.SYSTEM;
		}
		Object cached = request.getUserData().get(CALLER_KEY);
		if (cached instanceof TrialCaller caller) {
			return caller;
		}
		TrialCaller caller = fromAuthentication(servletRequest);
		request.getUserData().put(CALLER_KEY, caller);
		return caller;
	}

	private TrialCaller fromAuthentication(ServletRequestDetails request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken)
				&& request.getServletRequest().getUserPrincipal() instanceof Authentication principal) {
			authentication = principal;
		}
		if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
			return of(token.getToken());
		}
		return TrialCaller.ANONYMOUS;
	}

	/**
	 * @param jwt a validated token
	 * @return the caller it names
	 */
	TrialCaller of(Jwt jwt) {
		Set<Role> roles = new LinkedHashSet<>();
		for (String name : strings(claim(jwt.getClaims(), roleClaim))) {
			Role.fromCode(name).ifPresent(roles::add);
		}
		Set<String> scopes = new LinkedHashSet<>(strings(jwt.getClaims().get(SCOPE_CLAIM)));
		scopes.addAll(strings(jwt.getClaims().get(SCOPE_LIST_CLAIM)));
		return new TrialCaller(Optional.ofNullable(jwt.getSubject()).orElse("unknown"), roles,
				SmartScopes.parse(scopes), false);
	}

	private static Object claim(Map<String, Object> claims, String path) {
		Object value = claims;
		for (String part : path.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(part);
		}
		return value;
	}

	private static Collection<String> strings(Object value) {
		if (value instanceof String text) {
			return List.of(text.trim().split("\\s+"));
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

}
