package org.trialfhir.server.security;

import java.util.Optional;
import java.util.Set;

import org.trialfhir.profiles.TrialCodes.Role;

/**
 * Who makes a request: the subject of the bearer token with its roles and SMART scopes,
 * or the server itself for internal calls (batch jobs, start-up), which are neither
 * blinded nor restricted.
 *
 * @param subject the {@code sub} claim, or {@code system}
 * @param roles trial roles from the role claim (unknown role names are ignored)
 * @param scopes what the token's scopes grant
 * @param system true for the server's own calls
 */
public record TrialCaller(String subject, Set<Role> roles, SmartScopes scopes, boolean system) {

	/** The server's own calls. */
	public static final TrialCaller SYSTEM = new TrialCaller("system", Set.of(), SmartScopes.parse(Set.of()), true);

	/** A request without a valid token: no roles, no scopes, blinded. */
	public static final TrialCaller ANONYMOUS = new TrialCaller("anonymous", Set.of(), SmartScopes.parse(Set.of()),
			false);

	public TrialCaller {
		roles = Set.copyOf(roles);
	}

	/**
	 * A caller is blinded unless it is the server itself or holds at least one unblinded
	 * role ({@code pharmacist}, {@code unblinded-statistician}, {@code dsmb}); a token
	 * without any trial role is blinded.
	 * @return true when arms and the study cell product must be masked for this caller
	 */
	public boolean isBlinded() {
		return !system && roles.stream().allMatch(Role::isBlinded);
	}

	/**
	 * @param operation a trial operation, e.g. {@code $unblind}
	 * @return the first of the caller's roles whose row of the permission table lists the
	 * operation (before scopes), if any
	 */
	public Optional<Role> roleAllowedTo(String operation) {
		return roles.stream().filter(role -> RolePermissions.of(role).operations().contains(operation)).findFirst();
	}

}
