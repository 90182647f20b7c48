package org.trialfhir.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Validates a resource against the Trial profile {@link TrialProfileSelector} selects for
 * it, plus any profile it declares. Thread-safe; build one per application (the first
 * validation takes seconds, later ones milliseconds).
 */
public final class TrialResourceValidator {

	private final FhirContext fhirContext;

	private final FhirValidator validator;

	private final TrialProfileSelector selector;

	/**
	 * A validator over the given HAPI validator.
	 * @param fhirContext the R4 context the validator was built with
	 * @param validator typically {@link TrialValidationSupport#newValidator}
	 * @param selector the profile selector
	 */
	public TrialResourceValidator(FhirContext fhirContext, FhirValidator validator, TrialProfileSelector selector) {
		this.fhirContext = fhirContext;
		this.validator = validator;
		this.selector = selector;
	}

	/**
	 * A validator over a fresh {@link TrialValidationSupport#newValidationSupportChain
	 * validation support chain}.
	 * @param fhirContext an R4 context
	 * @return the validator
	 */
	public static TrialResourceValidator create(FhirContext fhirContext) {
		return new TrialResourceValidator(fhirContext, TrialValidationSupport.newValidator(fhirContext,
				TrialValidationSupport.newValidationSupportChain(fhirContext)), new TrialProfileSelector());
	}

	/**
	 * Validates the resource.
	 * @param resource an R4 resource
	 * @return the result; {@link ValidationResult#isSuccessful()} is false if any issue
	 * is an error
	 */
	public ValidationResult validate(IBaseResource resource) {
		ValidationOptions options = new ValidationOptions();
		this.selector.profilesFor(resource).forEach(options::addProfile);
		return this.validator.validateWithResult(resource, options);
	}

	/**
	 * Validates a resource as received (JSON or XML text). The text is validated as it
	 * is, so values HAPI's model cannot hold (an unknown status code, a malformed date)
	 * are reported as validation errors instead of failing a parse; a lenient parse only
	 * serves to select the profile.
	 * @param resourceText a FHIR R4 resource in JSON or XML
	 * @return the result; {@link ValidationResult#isSuccessful()} is false if any issue
	 * is an error
	 */
	public ValidationResult validate(String resourceText) {
		ValidationOptions options = new ValidationOptions();
		IBaseResource parsed = parseLeniently(resourceText);
		if (parsed != null) {
			this.selector.profilesFor(parsed).forEach(options::addProfile);
		}
		return this.validator.validateWithResult(resourceText, options);
	}

	private IBaseResource parseLeniently(String resourceText) {
		EncodingEnum encoding = EncodingEnum.detectEncodingNoDefault(resourceText);
		if (encoding == null) {
			return null;
		}
		LenientErrorHandler errorHandler = new LenientErrorHandler(false);
		errorHandler.setErrorOnInvalidValue(false);
		errorHandler.setErrorOnInvalidExtension(false);
		IParser parser = encoding.newParser(this.fhirContext).setParserErrorHandler(errorHandler);
		try {
			return parser.parseResource(resourceText);
		}
		catch (RuntimeException ex) {
			// Not parseable even leniently: validate against base R4 only; the validator
			// reports what is wrong.
			return null;
		}
	}

}
