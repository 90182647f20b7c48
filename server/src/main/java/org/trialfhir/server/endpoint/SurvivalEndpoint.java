package org.trialfhir.server.endpoint;

import java.util.Arrays;
import java.util.Optional;

import org.trialfhir.profiles.TrialCodes.Endpoint;

/** The time-to-event endpoints: the codes {@code $survival} accepts. */
public enum SurvivalEndpoint {

	/** Overall survival. */
	OS(Endpoint.OS),
	/** Progression-free survival. */
	PFS(Endpoint.PFS),
	/** Time to progression. */
	TTP(Endpoint.TTP);

	private final Endpoint code;

	SurvivalEndpoint(Endpoint code) {
		this.code = code;
	}

	/**
	 * @return the IG's endpoint code
	 */
	public Endpoint code() {
		return code;
	}

	/**
	 * @param code an endpoint code, e.g. {@code PFS}
	 * @return the endpoint, if it is a time-to-event endpoint
	 */
	public static Optional<SurvivalEndpoint> fromCode(String code) {
		return Arrays.stream(values()).filter((e) -> e.code.code().equals(code)).findFirst();
	}

}
