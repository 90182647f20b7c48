package org.trialfhir.server.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.trialfhir.profiles.TrialCodes.Role;
import org.trialfhir.profiles.TrialOperations;

/**
 * The permission table of the trial roles (README.md shows the same table). A caller may
 * do what one of its roles allows <em>and</em> its token's scopes allow. Nobody writes
 * AuditEvents or Subscriptions over the API (the server writes AuditEvents itself;
 * subscription deliveries would bypass masking), and only the unblinded {@code dsmb}
 * reads AuditEvents (the audit trail of unblinded users' searches would unblind a blinded
 * reader).
 *
 * @param role the role
 * @param readsAll whether the role reads and searches every resource type (other than
 * AuditEvent)
 * @param reads types it reads and searches besides (or instead of) all
 * @param writes types it creates and updates
 * @param deletes whether it deletes (every type it writes)
 * @param operations trial and HAPI operations it may call
 */
record RolePermissions(Role role, boolean readsAll, Set<String> reads, Set<String> writes, boolean deletes,
		Set<String> operations) {

	static final String AUDIT_EVENT = "AuditEvent";

	static final String SUBSCRIPTION = "Subscription";

	/** Every type a writer could mean: clinical data of the contract and the study. */
	static final String ALL_TYPES = "*";

	/** Operations that summarise a study (pooled for blinded callers). */
	static final Set<String> ANALYSIS = Set.of(TrialOperations.SURVIVAL, TrialOperations.RESPONSE_RATE,
			TrialOperations.ADVERSE_EVENT_SUMMARY, TrialOperations.CONSORT, TrialOperations.DOSE_ESCALATION);

	private static final String EVERYTHING = "$everything";

	private static final String VALIDATE = "$validate";

	private static final Set<String> CLINICAL = Set.of("Patient", "Observation", "MedicationAdministration",
			"AdverseEvent", "Encounter");

	private static final Map<Role, RolePermissions> TABLE = Map.of(Role.INVESTIGATOR,
			new RolePermissions(Role.INVESTIGATOR, true, Set.of(), Set.of("Observation", "AdverseEvent"), false,
					union(ANALYSIS, Set.of(EVERYTHING, VALIDATE, TrialOperations.RANDOMIZE, TrialOperations.UNBLIND))),
			Role.COORDINATOR,
			new RolePermissions(Role.COORDINATOR, true, Set.of(), union(CLINICAL, Set.of("ResearchSubject")), false,
					union(ANALYSIS, Set.of(EVERYTHING, VALIDATE, TrialOperations.RANDOMIZE))),
			Role.EHR_INTERFACE,
			new RolePermissions(Role.EHR_INTERFACE, false, CLINICAL, CLINICAL, false, Set.of(VALIDATE)),
			Role.PHARMACIST,
			new RolePermissions(Role.PHARMACIST, true, Set.of(), Set.of("MedicationAdministration"), false,
					union(ANALYSIS, Set.of(EVERYTHING, VALIDATE))),
			Role.UNBLINDED_STATISTICIAN,
			new RolePermissions(
					Role.UNBLINDED_STATISTICIAN, true, Set.of(), Set.of(), false, union(ANALYSIS, Set.of(EVERYTHING))),
			Role.DSMB,
			new RolePermissions(Role.DSMB, true, Set.of(AUDIT_EVENT), Set.of(), false,
					union(ANALYSIS, Set.of(EVERYTHING, TrialOperations.UNBLIND))),
			Role.ADMIN,
			new RolePermissions(Role.ADMIN, true, Set.of(), Set.of(ALL_TYPES), true,
					union(ANALYSIS, Set.of(EVERYTHING, VALIDATE, TrialOperations.RANDOMIZE, TrialOperations.UNBLIND,
							TrialOperations.REBUILD_ENDPOINT_PROJECTION))));

	/**
	 * @param role a role
	 * @return its row of the table
	 */
	static RolePermissions of(Role role) {
		return TABLE.get(role);
	}

	/**
	 * @param type a resource type
	 * @return what this role may do with it (before scopes)
	 */
	Set<Permission> on(String type) {
		EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
		if ((readsAll && !AUDIT_EVENT.equals(type)) || reads.contains(type)) {
			permissions.addAll(List.of(Permission.READ, Permission.SEARCH));
		}
		boolean writable = !AUDIT_EVENT.equals(type) && !SUBSCRIPTION.equals(type)
				&& (writes.contains(type) || writes.contains(ALL_TYPES));
		if (writable) {
			permissions.addAll(List.of(Permission.CREATE, Permission.UPDATE));
			if (deletes) {
				permissions.add(Permission.DELETE);
			}
		}
		return permissions;
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> all = new java.util.HashSet<>(first);
		all.addAll(second);
		return Set.copyOf(all);
	}

}
