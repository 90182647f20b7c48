package org.trialfhir.server.config;

import java.util.regex.Pattern;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Refuses a request whose URL names a resource id or version that is not a valid FHIR id
 * ({@code [A-Za-z0-9\-\.]{1,64}}, FHIR R4 &sect;2.24.0.1) with {@code 400} and an
 * OperationOutcome, instead of a misleading {@code 404}.
 */
@Interceptor
class ResourceIdFormat {

	private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	void checkId(RequestDetails request) {
		IIdType id = request.getId();
		if (id == null) {
			return;
		}
		check("id", id.getIdPart());
		check("version", id.getVersionIdPart());
	}

	private static void check(String what, String value) {
		if (value != null && !FHIR_ID.matcher(value).matches()) {
			throw new InvalidRequestException(
					"Invalid resource " + what + " '" + value + "': a FHIR id is 1-64 letters, digits, '-' or '.'");
		}
	}

}
