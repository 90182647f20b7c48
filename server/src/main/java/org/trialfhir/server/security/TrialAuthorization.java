package org.trialfhir.server.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOp;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.trialfhir.profiles.TrialCodes.Role;
import org.trialfhir.profiles.TrialOperations;

/**
 * HAPI's {@link AuthorizationInterceptor} with rules built from the caller's roles (the
 * {@link RolePermissions permission table}) intersected with its token's SMART scopes. A
 * request that no rule allows gets {@code 403} with an OperationOutcome. HAPI applies the
 * rules to every entry of a transaction, to {@code _include}d resources and to
 * {@code $everything}, and refuses bulk export and GraphQL, for which no rule exists. The
 * rule list of each combination of roles and scopes is built once.
 */
class TrialAuthorization extends AuthorizationInterceptor {

	private static final String EVERYTHING = "$everything";

	private static final String VALIDATE = "$validate";

	private final TrialCallers callers;

	private final List<String> resourceTypes;

	private final Map<TrialCaller, List<IAuthRule>> rulesByCaller = new ConcurrentHashMap<>();

	/**
	 * @param fhirContext the server's FHIR context (for the list of resource types)
	 * @param callers tells who calls
	 */
	TrialAuthorization(FhirContext fhirContext, TrialCallers callers) {
		super(PolicyEnum.DENY);
		this.callers = callers;
		this.resourceTypes = List.copyOf(new TreeSet<>(fhirContext.getResourceTypes()));
	}

	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		TrialCaller caller = callers.of(request);
		if (caller.system()) {
			return new RuleBuilder().allowAll().build();
		}
		// the subject does not change the rules
		TrialCaller key = new TrialCaller("", caller.roles(), caller.scopes(), false);
		return rulesByCaller.computeIfAbsent(key, this::rulesFor);
	}

	private List<IAuthRule> rulesFor(TrialCaller caller) {
		Map<String, Set<Permission>> effective = new java.util.HashMap<>();
		for (String type : resourceTypes) {
			effective.put(type, effectivePermissions(caller, type));
		}
		// one builder per kind of rule: HAPI's builder carries the operation of one rule
		// over to the next (a write() after a create() came out as create)
		List<IAuthRule> rules = new ArrayList<>(new RuleBuilder().allow().metadata().build());
		rules.addAll(
				grant(effective, EnumSet.of(Permission.READ, Permission.SEARCH), builder -> builder.allow().read()));
		rules.addAll(grant(effective, EnumSet.of(Permission.CREATE), builder -> builder.allow().create()));
		rules.addAll(grant(effective, EnumSet.of(Permission.UPDATE), builder -> builder.allow().write()));
		rules.addAll(grant(effective, EnumSet.of(Permission.DELETE), builder -> builder.allow().delete()));
		if (effective.values().stream().anyMatch(permissions -> permissions.contains(Permission.UPDATE))) {
			rules.addAll(new RuleBuilder().allow().patch().allRequests().build());
		}
		RuleBuilder operations = new RuleBuilder();
		operations(operations, caller, effective);
		rules.addAll(operations.build());
		rules.addAll(new RuleBuilder().allow().transaction().withAnyOperation().andApplyNormalRules().build());
		rules.addAll(new RuleBuilder().denyAll().build());
		return List.copyOf(rules);
	}

	private static Set<Permission> effectivePermissions(TrialCaller caller, String type) {
		EnumSet<Permission> byRoles = EnumSet.noneOf(Permission.class);
		for (Role role : caller.roles()) {
			byRoles.addAll(RolePermissions.of(role).on(type));
		}
		byRoles.retainAll(caller.scopes().permissions(type));
		return byRoles;
	}

	/**
	 * One rule for all resources when every type has any of {@code needed}, otherwise one
	 * rule per type that has it. (Only allow rules: HAPI applies a deny rule for one type
	 * to a whole transaction.)
	 */
	private List<IAuthRule> grant(Map<String, Set<Permission>> effective, Set<Permission> needed,
			Function<RuleBuilder, IAuthRuleBuilderRuleOp> kind) {
		List<String> granted = new ArrayList<>();
		for (String type : resourceTypes) {
			if (effective.get(type).stream().anyMatch(needed::contains)) {
				granted.add(type);
			}
		}
		List<IAuthRule> rules = new ArrayList<>();
		if (granted.size() == resourceTypes.size()) {
			rules.addAll(kind.apply(new RuleBuilder()).allResources().withAnyId().build());
			return rules;
		}
		for (String type : granted) {
			rules.addAll(kind.apply(new RuleBuilder()).resourcesOfType(type).withAnyId().build());
		}
		return rules;
	}

	private static void operations(RuleBuilder rules, TrialCaller caller, Map<String, Set<Permission>> effective) {
		Set<String> allowed = new java.util.HashSet<>();
		for (Role role : caller.roles()) {
			allowed.addAll(RolePermissions.of(role).operations());
		}
		boolean readsStudies = effective.get("ResearchStudy").contains(Permission.READ);
		for (String operation : allowed) {
			if (RolePermissions.ANALYSIS.contains(operation) && readsStudies) {
				rules.allow()
					.operation()
					.named(operation)
					.onInstancesOfType(ResearchStudy.class)
					.andAllowAllResponses();
			}
		}
		if (allowed.contains(TrialOperations.RANDOMIZE) && readsStudies) {
			rules.allow()
				.operation()
				.named(TrialOperations.RANDOMIZE)
				.onInstancesOfType(ResearchStudy.class)
				.andAllowAllResponses();
		}
		if (allowed.contains(TrialOperations.UNBLIND) && effective.get("ResearchSubject").contains(Permission.READ)) {
			rules.allow()
				.operation()
				.named(TrialOperations.UNBLIND)
				.onInstancesOfType(ResearchSubject.class)
				.andAllowAllResponses();
		}
		if (allowed.contains(TrialOperations.REBUILD_ENDPOINT_PROJECTION)) {
			rules.allow()
				.operation()
				.named(TrialOperations.REBUILD_ENDPOINT_PROJECTION)
				.onServer()
				.andAllowAllResponses();
		}
		if (allowed.contains(EVERYTHING) && effective.get("Patient").contains(Permission.READ)) {
			rules.allow()
				.operation()
				.named(EVERYTHING)
				.onInstancesOfType(Patient.class)
				.andRequireExplicitResponseAuthorization();
			rules.allow().operation().named(EVERYTHING).onType(Patient.class).andRequireExplicitResponseAuthorization();
		}
		boolean writesAny = effective.values()
			.stream()
			.anyMatch(permissions -> permissions.contains(Permission.CREATE));
		if (allowed.contains(VALIDATE) && writesAny) {
			rules.allow().operation().named(VALIDATE).atAnyLevel().andAllowAllResponses();
		}
	}

}
