package org.trialfhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests: a HAPI generic client talking to the running server over
 * HTTP.
 */
@TrialServerTest
public abstract class FhirServerIT {

	/** The FHIR context the tests parse and encode with (R4). */
	protected static final FhirContext FHIR = FhirContext.forR4Cached();

	private static boolean examplesStored;

	@LocalServerPort
	private int port;

	/**
	 * Roles of the default {@link #client}: an administrator who is also an unblinded
	 * statistician may write every resource of the trial, arms included, and read it back
	 * unmasked.
	 */
	protected static final String[] DEFAULT_ROLES = { "admin", "unblinded-statistician" };

	/**
	 * Generic client on the server's FHIR endpoint, with a token of
	 * {@link #DEFAULT_ROLES}.
	 */
	protected IGenericClient client;

	@BeforeEach
	void connect() {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		// the first validation loads the FHIR definitions, which takes more than the
		// default 10 s on a busy machine
		FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
		client = clientAs(DEFAULT_ROLES);
		storeIgExamplesOnce();
	}

	/**
	 * @param roles role codes
	 * @return a generic client with a valid token for these roles (all scopes)
	 */
	protected IGenericClient clientAs(String... roles) {
		return clientWithToken(TestTokens.token(roles));
	}

	/**
	 * @param token a bearer token, or null for none
	 * @return a generic client sending it
	 */
	protected IGenericClient clientWithToken(String token) {
		IGenericClient tokenClient = FHIR.newRestfulGenericClient(baseUrl());
		if (token != null) {
			tokenClient.registerInterceptor(new BearerTokenAuthInterceptor(token));
		}
		return tokenClient;
	}

	/**
	 * @return the {@code Authorization} header value of the default client, for raw HTTP
	 */
	protected static String bearer() {
		return "Bearer " + TestTokens.token(DEFAULT_ROLES);
	}

	/**
	 * The IG's examples are the shared reference data of the tests (the program study,
	 * the site, two patients).
	 */
	private void storeIgExamplesOnce() {
		synchronized (FhirServerIT.class) {
			if (!examplesStored) {
				client.transaction().withBundle(IgExamples.asTransaction()).execute();
				examplesStored = true;
			}
		}
	}

	/**
	 * @return e.g. {@code http://localhost:54321/fhir}
	 */
	protected String baseUrl() {
		return "http://localhost:" + port + "/fhir";
	}

	/**
	 * @return the server's root, e.g. {@code http://localhost:54321}
	 */
	protected String rootUrl() {
		return "http://localhost:" + port;
	}

	/**
	 * @param type resource type
	 * @return how many resources of the type are stored (current versions)
	 */
	protected int count(Class<? extends IBaseResource> type) {
		Bundle bundle = client.search()
			.forResource(type)
			.summaryMode(SummaryEnum.COUNT)
			.returnBundle(Bundle.class)
			.execute();
		return bundle.getTotal();
	}

}
