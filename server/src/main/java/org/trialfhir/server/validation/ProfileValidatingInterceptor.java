package org.trialfhir.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.trialfhir.profiles.TrialProfileSelector;
import org.trialfhir.profiles.TrialResourceValidator;

/**
 * Validates every resource about to be stored against the Trial profile that applies to
 * it (chosen by type, and for Observations by code, or declared in {@code meta.profile}),
 * and refuses it with {@code 422 Unprocessable Entity} and an OperationOutcome listing
 * each error with its FHIRPath location. Warnings do not block.
 *
 * <p>
 * It hooks the storage pointcuts, so it runs for plain writes, conditional writes and
 * each entry of a transaction alike; a refused entry rolls back the whole transaction.
 */
@Interceptor
public class ProfileValidatingInterceptor {

	private final FhirContext fhirContext;

	private final TrialResourceValidator validator;

	private final TrialProfileSelector profiles = new TrialProfileSelector();

	/**
	 * @param fhirContext the server's FHIR context
	 * @param validator validator with the IG loaded
	 */
	public ProfileValidatingInterceptor(FhirContext fhirContext, TrialResourceValidator validator) {
		this.fhirContext = fhirContext;
		this.validator = validator;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	void beforeCreate(IBaseResource resource) {
		requireValid(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	void beforeUpdate(IBaseResource previous, IBaseResource resource) {
		requireValid(resource);
	}

	private void requireValid(IBaseResource resource) {
		if (profiles.profilesFor(resource).isEmpty()) {
			return; // not part of the data contract (e.g. the IG's own conformance
					// resources)
		}
		ValidationResult result = validator.validate(resource);
		if (result.isSuccessful()) {
			return;
		}
		OperationOutcome outcome = new OperationOutcome();
		for (SingleValidationMessage message : result.getMessages()) {
			if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
				outcome.addIssue()
					.setSeverity(OperationOutcome.IssueSeverity.ERROR)
					.setCode(OperationOutcome.IssueType.PROCESSING)
					.setDiagnostics(message.getMessage())
					.addExpression(message.getLocationString());
			}
		}
		throw new UnprocessableEntityException(fhirContext, outcome);
	}

}
