package org.trialfhir.server.blinding;

import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * Whether the caller of a request must be kept blind to treatment arms and to the study
 * cell product. Operations that could reveal an arm ask this before returning per-arm
 * results; blinded callers get pooled results.
 */
public interface CallerBlinding {

	/**
	 * @param request the FHIR request being served
	 * @return true when the caller must not learn any subject's arm
	 */
	boolean isBlinded(RequestDetails request);

}
