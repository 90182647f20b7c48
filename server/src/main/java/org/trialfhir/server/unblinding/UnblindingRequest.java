package org.trialfhir.server.unblinding;

import org.trialfhir.profiles.TrialCodes.Role;

/**
 * A user's request to unblind one subject.
 *
 * @param subjectId ResearchSubject id
 * @param reason why (mandatory, not blank)
 * @param user the user's identity (the token's subject)
 * @param role the user's trial role that allows unblinding
 * @param address the user's network address, if known (may be null)
 */
public record UnblindingRequest(String subjectId, String reason, String user, Role role, String address) {

	/**
	 * @throws UnblindingRefused when the reason is missing or blank
	 */
	public UnblindingRequest {
		if (reason == null || reason.isBlank()) {
			throw new UnblindingRefused(UnblindingRefused.Kind.BAD_REQUEST,
					"A reason is required to unblind a subject (parameter 'reason')");
		}
		reason = reason.strip();
	}

}
