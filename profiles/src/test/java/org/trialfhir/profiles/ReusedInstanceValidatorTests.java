package org.trialfhir.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReusedInstanceValidator} gives the same messages as HAPI's own
 * {@link FhirInstanceValidator} on valid and invalid resources, also after its core
 * validator has been reused and retired, and from several threads; and the upstream code
 * it follows has not changed.
 */
class ReusedInstanceValidatorTests {

	/**
	 * SHA-256 of HAPI 8.8.0's {@code ValidatorWrapper.class}: the class whose per-call
	 * logic {@link ReusedInstanceValidator} repeats. A HAPI upgrade changes it; then
	 * compare the new {@code ValidatorWrapper.validate} with ours and update both.
	 */
	private static final String VALIDATOR_WRAPPER_SHA256 = "b7055a835c7fdae7b3e6834d63743b912394fa631feda3bde015c3f8ed1edf0c";

	private static FhirContext fhirContext;

	private static FhirValidator hapi;

	private static FhirValidator reused;

	@BeforeAll
	static void validators() {
		fhirContext = FhirContext.forR4Cached();
		ValidationSupportChain chain = TrialValidationSupport.newValidationSupportChain(fhirContext);
		hapi = fhirContext.newValidator();
		hapi.registerValidatorModule(new FhirInstanceValidator(chain));
		reused = fhirContext.newValidator();
		reused.registerValidatorModule(new ReusedInstanceValidator(chain));
	}

	@Test
	void validExamplesGiveHapisMessages() {
		for (int round = 0; round < 2; round++) {
			for (Resource example : IgPackage.examples()) {
				assertSameMessages(fhirContext.newJsonParser().encodeResourceToString(example), example.fhirType());
			}
		}
	}

	@Test
	void invalidCorpusGivesHapisMessagesInJsonAndXml() {
		for (InvalidCorpusTests.Row row : InvalidCorpusTests.index()) {
			String json = InvalidCorpusTests.read("invalid/" + row.file());
			ValidationResult result = assertSameMessages(json, row.file());
			assertThat(result.isSuccessful()).as(row.file()).isFalse();
		}
	}

	@Test
	void sameMessagesAfterTheCoreValidatorIsRetired() {
		String json = InvalidCorpusTests.read("invalid/" + InvalidCorpusTests.index().get(0).file());
		List<String> expected = messages(hapi.validateWithResult(json, options(json)));
		for (int i = 0; i < ReusedInstanceValidator.USES_BEFORE_RETIRING + 5; i++) {
			assertThat(messages(reused.validateWithResult(json, options(json)))).isEqualTo(expected);
		}
	}

	@Test
	void sameMessagesFromSeveralThreads() throws Exception {
		List<String> inputs = InvalidCorpusTests.index()
			.stream()
			.map((row) -> InvalidCorpusTests.read("invalid/" + row.file()))
			.toList();
		List<List<String>> expected = inputs.stream()
			.map((json) -> messages(hapi.validateWithResult(json, options(json))))
			.toList();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new java.util.ArrayList<>();
			for (int t = 0; t < 4; t++) {
				results.add(threads.submit(() -> {
					for (int i = 0; i < inputs.size(); i++) {
						assertThat(messages(reused.validateWithResult(inputs.get(i), options(inputs.get(i)))))
							.isEqualTo(expected.get(i));
					}
					return true;
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			threads.shutdown();
		}
	}

	@Test
	void upstreamValidatorWrapperIsTheOneThisCopyFollows() throws IOException, NoSuchAlgorithmException {
		try (InputStream in = FhirInstanceValidator.class
			.getResourceAsStream("/org/hl7/fhir/common/hapi/validation/validator/ValidatorWrapper.class")) {
			assertThat(in).as("HAPI's ValidatorWrapper is gone").isNotNull();
			String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
			assertThat(sha).as("HAPI's ValidatorWrapper changed: review ReusedInstanceValidator.validate")
				.isEqualTo(VALIDATOR_WRAPPER_SHA256);
		}
	}

	private static ValidationResult assertSameMessages(String json, String what) {
		ValidationOptions options = options(json);
		ValidationResult expected = hapi.validateWithResult(json, options);
		ValidationResult actual = reused.validateWithResult(json, options);
		assertThat(messages(actual)).as(what).isEqualTo(messages(expected));
		String xml = toXmlOrNull(json);
		if (xml != null) {
			assertThat(messages(reused.validateWithResult(xml, options))).as(what + " as XML")
				.isEqualTo(messages(hapi.validateWithResult(xml, options)));
		}
		return actual;
	}

	private static String toXmlOrNull(String json) {
		try {
			return fhirContext.newXmlParser().encodeResourceToString(fhirContext.newJsonParser().parseResource(json));
		}
		catch (RuntimeException ex) {
			return null; // not representable in HAPI's model; JSON only
		}
	}

	private static ValidationOptions options(String json) {
		ValidationOptions options = new ValidationOptions();
		try {
			new TrialProfileSelector().profilesFor(fhirContext.newJsonParser().parseResource(json))
				.forEach(options::addProfile);
		}
		catch (RuntimeException ex) {
			// unparseable: base R4 only
		}
		return options;
	}

	private static List<String> messages(ValidationResult result) {
		return result.getMessages().stream().map(ReusedInstanceValidatorTests::line).toList();
	}

	private static String line(SingleValidationMessage message) {
		return message.getSeverity() + " " + message.getLocationString() + " " + message.getMessageId() + " "
				+ message.getMessage();
	}

}
