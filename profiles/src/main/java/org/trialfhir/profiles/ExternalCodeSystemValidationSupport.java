package org.trialfhir.profiles;

import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.LookupCodeRequest;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import org.hl7.fhir.common.hapi.validation.support.BaseValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Accepts codes of large external terminologies that TrialFHIR does not load (MedDRA is
 * licensed; NCI Thesaurus and LOINC are too large to carry), with a warning instead of
 * the "unknown code system" error. Placed last in the chain, it answers only what no
 * other module answered: membership in a value set that enumerates codes (RECIST
 * responses, CTCAE grades) is still decided by the in-memory terminology service, so a
 * code outside such a value set remains an error, and so do unknown codes of the IG's own
 * closed code systems.
 */
final class ExternalCodeSystemValidationSupport extends BaseValidationSupport {

	/** Code systems accepted without a local check. */
	static final Set<String> EXTERNAL_CODE_SYSTEMS = Set.of(TrialCodeSystems.MEDDRA, TrialCodeSystems.NCIT,
			TrialCodeSystems.LOINC);

	ExternalCodeSystemValidationSupport(FhirContext fhirContext) {
		super(fhirContext);
	}

	@Override
	public String getName() {
		return "TrialFHIR external code systems (MedDRA, NCIt, LOINC: accepted unchecked)";
	}

	@Override
	public boolean isCodeSystemSupported(ValidationSupportContext context, String system) {
		return handles(context, system);
	}

	@Override
	public boolean isValueSetSupported(ValidationSupportContext context, String valueSetUrl) {
		return true;
	}

	@Override
	public LookupCodeResult lookupCode(ValidationSupportContext context, LookupCodeRequest request) {
		if (!handles(context, request.getSystem())) {
			return null;
		}
		return new LookupCodeResult().setFound(true)
			.setSearchedForSystem(request.getSystem())
			.setSearchedForCode(request.getCode());
	}

	@Override
	public CodeValidationResult validateCode(ValidationSupportContext context, ConceptValidationOptions options,
			String system, String code, String display, String valueSetUrl) {
		if (!handles(context, system)) {
			return null;
		}
		return unchecked(system, code, display);
	}

	@Override
	public CodeValidationResult validateCodeInValueSet(ValidationSupportContext context,
			ConceptValidationOptions options, String system, String code, String display, IBaseResource valueSet) {
		if (!handles(context, system)) {
			return null;
		}
		return unchecked(system, code, display);
	}

	private static CodeValidationResult unchecked(String system, String code, String display) {
		String message = "Code " + system + "#" + code
				+ " was not checked: this code system is not loaded into TrialFHIR";
		return new CodeValidationResult().setCode(code)
			.setDisplay(display)
			.setSeverity(IssueSeverity.WARNING)
			.setMessage(message)
			.addIssue(new CodeValidationIssue(message, IssueSeverity.WARNING, CodeValidationIssueCode.NOT_FOUND,
					CodeValidationIssueCoding.NOT_FOUND));
	}

	private static boolean handles(ValidationSupportContext context, String system) {
		return system != null && EXTERNAL_CODE_SYSTEMS.contains(system)
				&& context.getRootValidationSupport().fetchCodeSystem(system) == null;
	}

}
