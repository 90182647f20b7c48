package org.trialfhir.profiles;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of the IG validates without errors, as sent (with meta.profile) and with
 * the profile applied by type; the IG's search parameters, operation definitions and
 * capability statement validate against R4.
 */
class ExampleValidationTests {

	@TestFactory
	Stream<DynamicTest> examplesValidateAsDeclared() {
		return IgPackage.examples().stream().map((example) -> DynamicTest.dynamicTest(name(example), () -> {
			assertNoErrors(example, TestValidators.trial().validate(example));
		}));
	}

	@TestFactory
	Stream<DynamicTest> examplesValidateWithProfileAppliedByType() {
		return IgPackage.examples().stream().map((example) -> DynamicTest.dynamicTest(name(example), () -> {
			Resource copy = example.copy();
			copy.getMeta().setProfile(List.of());
			assertNoErrors(copy, TestValidators.trial().validate(copy));
		}));
	}

	@TestFactory
	Stream<DynamicTest> searchParametersOperationsAndCapabilityStatementValidate() {
		return Stream.of("SearchParameter", "OperationDefinition", "CapabilityStatement")
			.flatMap((type) -> IgPackage.ofType(type).stream())
			.map((definition) -> DynamicTest.dynamicTest(name(definition),
					() -> assertNoErrors(definition, TestValidators.trial().validate(definition))));
	}

	static void assertNoErrors(Resource resource, ValidationResult result) {
		List<SingleValidationMessage> errors = result.getMessages()
			.stream()
			.filter((m) -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
			.toList();
		assertThat(errors)
			.as(() -> name(resource) + ":\n"
					+ errors.stream()
						.map((m) -> m.getLocationString() + " " + m.getMessage())
						.collect(Collectors.joining("\n")))
			.isEmpty();
	}

	static String name(Resource resource) {
		return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
	}

	static FhirContext fhirContext() {
		return FhirContext.forR4Cached();
	}

}
