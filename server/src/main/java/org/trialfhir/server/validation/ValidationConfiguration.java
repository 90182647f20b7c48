package org.trialfhir.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.validation.JpaValidationSupportChain;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialfhir.profiles.TrialResourceValidator;
import org.trialfhir.profiles.TrialValidationSupport;
import org.trialfhir.server.config.TrialFhirProperties;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the data contract into the server: installs the IG at start, and (unless
 * {@code trial.validation.enabled} is false, which only the ingestion benchmark should
 * do) registers profile validation on HAPI's interceptor service, so it sees every
 * storage operation, not only REST calls. The validator is warmed at start, so the first
 * hospital message does not pay for loading the FHIR definitions.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ValidationConfiguration.class);

	@Bean
	TrialResourceValidator trialResourceValidator(FhirContext fhirContext, JpaValidationSupportChain serverChain) {
		// $validate goes through HAPI's own chain: treat MedDRA, NCIt and LOINC codes
		// there as on write
		serverChain.addValidationSupport(TrialValidationSupport.newExternalCodeSystemSupport(fhirContext));
		return TrialResourceValidator.create(fhirContext);
	}

	@Bean
	ImplementationGuideInstaller implementationGuideInstaller(IPackageInstallerSvc packageInstaller) {
		return new ImplementationGuideInstaller(packageInstaller);
	}

	@Bean
	ProfileValidatingInterceptor profileValidatingInterceptor(FhirContext fhirContext, TrialResourceValidator validator,
			IInterceptorService interceptors, TrialFhirProperties properties) {
		ProfileValidatingInterceptor interceptor = new ProfileValidatingInterceptor(fhirContext, validator);
		if (properties.validation().enabled()) {
			interceptors.registerInterceptor(interceptor);
		}
		else {
			log.warn("Profile validation on write is OFF (trial.validation.enabled=false)");
		}
		return interceptor;
	}

	/**
	 * Runs before the server reports itself ready (readiness turns UP only after
	 * application runners).
	 */
	@Bean
	ApplicationRunner installImplementationGuide(ImplementationGuideInstaller installer,
			TrialResourceValidator validator, ISearchParamRegistry searchParams) {
		return args -> {
			installer.install();
			// the registry would pick the IG's SearchParameters up only at its next
			// scheduled refresh: make them active before readiness turns UP
			searchParams.forceRefresh();
			long start = System.nanoTime();
			validator.validate(new Patient());
			log.info("Validator warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
		};
	}

}
