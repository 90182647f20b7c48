package org.trialfhir.server.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource permissions a token's SMART scopes grant: {@code user/Observation.cruds},
 * {@code system/*.rs}, {@code patient/*.read} (v1 {@code read}/{@code write}/{@code *}
 * are accepted too). The context ({@code patient}, {@code user}, {@code system}) is not
 * told apart: this server has no patient-facing apps, so a patient-context scope grants
 * the same as a user one. Scopes of another form ({@code openid}, {@code profile}) grant
 * nothing.
 *
 * @param byType permissions per resource type; {@code *} for every type
 */
record SmartScopes(Map<String, Set<Permission>> byType) {

	private static final Pattern SCOPE = Pattern.compile("(?:patient|user|system)/([A-Za-z]+|\\*)\\.([a-z*]+)");

	static final String ANY_TYPE = "*";

	SmartScopes {
		byType = Map.copyOf(byType);
	}

	/**
	 * @param scopes the scope values of a token
	 * @return what they grant
	 */
	static SmartScopes parse(Collection<String> scopes) {
		Map<String, Set<Permission>> byType = new HashMap<>();
		for (String scope : scopes) {
			Matcher matcher = SCOPE.matcher(scope);
			if (matcher.matches()) {
				Set<Permission> permissions = Permission.parse(matcher.group(2));
				byType.computeIfAbsent(matcher.group(1), type -> EnumSet.noneOf(Permission.class)).addAll(permissions);
			}
		}
		return new SmartScopes(byType);
	}

	/**
	 * @param type a resource type
	 * @return what the scopes allow on it
	 */
	Set<Permission> permissions(String type) {
		EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
		permissions.addAll(byType.getOrDefault(type, Set.of()));
		permissions.addAll(byType.getOrDefault(ANY_TYPE, Set.of()));
		return permissions;
	}

}
