package org.trialfhir.server.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialCodes.Role;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** SMART scopes, role claims and the blinded/unblinded decision. */
class SmartScopesTests {

	@Test
	void v2LettersV1WordsAndWildcardsAreUnderstood() {
		SmartScopes scopes = SmartScopes
			.parse(List.of("openid", "user/Observation.cruds", "system/*.rs", "patient/Patient.write", "user/Bad.xyz"));
		assertThat(scopes.permissions("Observation")).containsExactlyInAnyOrder(Permission.values());
		assertThat(scopes.permissions("AdverseEvent")).containsExactlyInAnyOrder(Permission.READ, Permission.SEARCH);
		assertThat(scopes.permissions("Patient")).containsExactlyInAnyOrder(Permission.READ, Permission.SEARCH,
				Permission.CREATE, Permission.UPDATE, Permission.DELETE);
		assertThat(scopes.permissions("Bad")).containsExactlyInAnyOrder(Permission.READ, Permission.SEARCH);
	}

	@Test
	void noScopeGrantsNothing() {
		assertThat(SmartScopes.parse(List.of("openid", "profile")).permissions("Patient")).isEmpty();
	}

	@Test
	void rolesComeFromANestedClaimAndUnknownRolesAreIgnored() {
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("nurse-7")
			.claim("realm_access", Map.of("roles", List.of("coordinator", "offline_access")))
			.claim("scope", "user/*.rs")
			.build();
		TrialCaller caller = new TrialCallers("realm_access.roles").of(jwt);
		assertThat(caller.roles()).containsExactly(Role.COORDINATOR);
		assertThat(caller.subject()).isEqualTo("nurse-7");
		assertThat(caller.isBlinded()).isTrue();
	}

	@Test
	void oneUnblindedRoleUnblindsAndTheServerIsNeverBlinded() {
		SmartScopes none = SmartScopes.parse(List.of());
		assertThat(new TrialCaller("a", Set.of(Role.ADMIN), none, false).isBlinded()).isTrue();
		assertThat(new TrialCaller("a", Set.of(Role.ADMIN, Role.DSMB), none, false).isBlinded()).isFalse();
		assertThat(new TrialCaller("a", Set.of(), none, false).isBlinded()).isTrue();
		assertThat(TrialCaller.SYSTEM.isBlinded()).isFalse();
		assertThat(new TrialCallers("roles").isBlinded(null)).isFalse();
	}

}
