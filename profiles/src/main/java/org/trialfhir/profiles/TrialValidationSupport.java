package org.trialfhir.profiles;

import java.io.IOException;
import java.io.UncheckedIOException;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Builds HAPI validation support for the TrialFHIR IG: the IG's NPM package from the
 * classpath ({@value TrialCanonical#IG_PACKAGE_CLASSPATH}), the R4 core definitions,
 * snapshot generation, in-memory terminology (the IG's closed code systems and enumerated
 * value sets), HAPI's common code systems (UCUM, languages, ...) and, last, acceptance of
 * MedDRA, NCI Thesaurus and LOINC codes with a warning (see
 * {@link ExternalCodeSystemValidationSupport}).
 * <p>
 * Building the chain parses the package (tens of milliseconds); the first validation then
 * generates snapshots and warms caches (seconds). Build one chain per application and
 * share it: it is thread-safe.
 */
public final class TrialValidationSupport {

	private TrialValidationSupport() {
	}

	/**
	 * A validation support chain with the IG loaded.
	 * @param fhirContext an R4 context
	 * @return the chain, caching with HAPI's defaults
	 * @throws IllegalArgumentException if the context is not R4
	 * @throws UncheckedIOException if the IG package cannot be read from the classpath
	 */
	public static ValidationSupportChain newValidationSupportChain(FhirContext fhirContext) {
		if (fhirContext.getVersion().getVersion() != FhirVersionEnum.R4) {
			throw new IllegalArgumentException(
					"TrialFHIR validates FHIR R4, not " + fhirContext.getVersion().getVersion());
		}
		return new ValidationSupportChain(newIgPackageSupport(fhirContext),
				new DefaultProfileValidationSupport(fhirContext), new CommonCodeSystemsTerminologyService(fhirContext),
				new InMemoryTerminologyServerValidationSupport(fhirContext),
				new SnapshotGeneratingValidationSupport(fhirContext),
				new ExternalCodeSystemValidationSupport(fhirContext));
	}

	/**
	 * The IG package alone, for a server that assembles its own chain (e.g. around HAPI
	 * JPA's support).
	 * @param fhirContext an R4 context
	 * @return the package's conformance resources
	 * @throws UncheckedIOException if the IG package cannot be read from the classpath
	 */
	public static NpmPackageValidationSupport newIgPackageSupport(FhirContext fhirContext) {
		NpmPackageValidationSupport support = new NpmPackageValidationSupport(fhirContext);
		try {
			support.loadPackageFromClasspath("classpath:" + TrialCanonical.IG_PACKAGE_CLASSPATH);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot load the TrialFHIR IG package " + TrialCanonical.IG_PACKAGE_CLASSPATH, ex);
		}
		return support;
	}

	/**
	 * Accepts MedDRA, NCI Thesaurus and LOINC codes with a warning; add it at the end of
	 * a chain a server assembles itself.
	 * @param fhirContext an R4 context
	 * @return the module
	 */
	public static IValidationSupport newExternalCodeSystemSupport(FhirContext fhirContext) {
		return new ExternalCodeSystemValidationSupport(fhirContext);
	}

	/**
	 * A validator over the given support: the HL7 instance validator, with errors for
	 * unknown extensions only where a profile closes them (HAPI's default), built once
	 * per thread and reused ({@link ReusedInstanceValidator}).
	 * @param fhirContext an R4 context
	 * @param validationSupport typically {@link #newValidationSupportChain(FhirContext)}
	 * @return the validator
	 */
	public static FhirValidator newValidator(FhirContext fhirContext, IValidationSupport validationSupport) {
		FhirInstanceValidator instanceValidator = new ReusedInstanceValidator(validationSupport);
		FhirValidator validator = fhirContext.newValidator();
		validator.registerValidatorModule(instanceValidator);
		return validator;
	}

}
