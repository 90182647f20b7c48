package org.trialfhir.server.blinding;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The answers a blinded caller gets when a guard of this package refuses a request:
 * {@code 403} with an OperationOutcome saying why, or {@code 404} for a search page that
 * the caller may not fetch (the same answer whether the page exists or not).
 */
final class BlindingRefusal {

	/** The one message for every search page a blinded caller may not fetch. */
	static final String UNKNOWN_PAGE = "Unknown or expired search page";

	private BlindingRefusal() {
	}

	/**
	 * @param message why the request is refused
	 * @return the {@code 403} exception, with an OperationOutcome saying why
	 */
	static ForbiddenOperationException forbidden(String message) {
		return new ForbiddenOperationException(message, forbiddenOutcome(message));
	}

	/**
	 * @param message why the request is refused
	 * @return an OperationOutcome with one {@code forbidden} error saying why (for HAPI's
	 * consent rejections, which carry an outcome rather than an exception)
	 */
	static OperationOutcome forbiddenOutcome(String message) {
		return outcome(OperationOutcome.IssueType.FORBIDDEN, message);
	}

	/**
	 * @return the {@code 404} for a search page the caller may not fetch
	 */
	static ResourceNotFoundException unknownPage() {
		return new ResourceNotFoundException(UNKNOWN_PAGE, outcome(OperationOutcome.IssueType.NOTFOUND, UNKNOWN_PAGE));
	}

	private static OperationOutcome outcome(OperationOutcome.IssueType type, String message) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
		return outcome;
	}

}
