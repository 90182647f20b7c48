package org.trialfhir.server.security;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOperationStatusEnum;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.trialfhir.profiles.TrialSearchParameters;

/**
 * Blinding as a HAPI consent service. Unblinded callers (and the server itself) are
 * authorized outright. For blinded callers every resource on its way out — read, vread,
 * search, includes, history, {@code $everything}, paging, operation results — is replaced
 * by its {@link ArmMasking masked copy}, and a request that searches, sorts or
 * {@code _has}-filters by an arm is rejected with {@code 403}. HAPI's consent interceptor
 * also removes {@code Bundle.total} from responses to blinded callers.
 */
class BlindingConsentService implements IConsentService {

	private static final Set<String> ARM_PARAMETERS = Set.of(TrialSearchParameters.SUBJECT_ASSIGNED_ARM,
			TrialSearchParameters.SUBJECT_ACTUAL_ARM);

	private final TrialCallers callers;

	/**
	 * @param callers tells who calls
	 */
	BlindingConsentService(TrialCallers callers) {
		this.callers = callers;
	}

	@Override
	public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices context) {
		if (!callers.of(request).isBlinded()) {
			return ConsentOutcome.AUTHORIZED;
		}
		if (searchesByArm(request.getParameters())) {
			OperationOutcome outcome = new OperationOutcome();
			outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(OperationOutcome.IssueType.FORBIDDEN)
				.setDiagnostics("Blinded users cannot search, sort or filter by treatment arm");
			return new ConsentOutcome(ConsentOperationStatusEnum.REJECT, outcome);
		}
		return ConsentOutcome.PROCEED;
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
