package org.trialfhir.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test against the real server over HTTP on a random port, on the database
 * chosen by the system property {@code trialfhir.test.database} ({@code h2} or
 * {@code postgres}; the build runs every such test on both). All test classes carry
 * exactly this annotation, so they share one Spring context (one server) per database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = TrialFhirApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.user.password=" + TrialServerTest.OPS_PASSWORD,
				"trial.fhir.max-request-size=" + TrialServerTest.MAX_REQUEST_SIZE, "trial.search-cache.enabled=false" })
@ContextConfiguration(initializers = { TestDatabase.class, TestTokens.class })
public @interface TrialServerTest {

	/** Password of the operations user in tests. */
	String OPS_PASSWORD = "ops-test-password";

	/** Request size limit in tests, small enough to exceed cheaply. */
	String MAX_REQUEST_SIZE = "256KB";

}
