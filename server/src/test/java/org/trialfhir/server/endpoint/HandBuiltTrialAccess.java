package org.trialfhir.server.endpoint;

import ca.uhn.fhir.rest.client.api.IGenericClient;

/**
 * Lets integration tests of other packages (security) store the hand-built trial.
 */
public final class HandBuiltTrialAccess {

	private HandBuiltTrialAccess() {
	}

	/**
	 * @param client a client allowed to write arms
	 * @return the new study's relative id, e.g. {@code ResearchStudy/12}
	 */
	public static String store(IGenericClient client) {
		return HandBuiltTrial.store(client).studyId.getValue();
	}

}
