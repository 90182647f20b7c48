package org.trialfhir.server.config;

import java.util.List;
import java.util.Map;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.trialfhir.profiles.TrialCanonical;
import org.trialfhir.profiles.TrialProfiles;

/**
 * Completes the CapabilityStatement HAPI generates: the server's name and software, the
 * trial IG it implements (its CapabilityStatement and the Trial profiles each resource
 * type supports), and the {@code batch} system interaction (served by the same endpoint
 * as {@code transaction}, which is all HAPI lists).
 */
@Interceptor
class CapabilityStatementCustomizer {

	private static final Map<String, List<String>> PROFILES_BY_TYPE = Map.of("ResearchStudy",
			List.of(TrialProfiles.RESEARCH_STUDY), "ResearchSubject", List.of(TrialProfiles.RESEARCH_SUBJECT),
			"Patient", List.of(TrialProfiles.PATIENT), "MedicationAdministration",
			List.of(TrialProfiles.MEDICATION_ADMINISTRATION), "AdverseEvent", List.of(TrialProfiles.ADVERSE_EVENT),
			"Observation", List.of(TrialProfiles.TUMOR_RESPONSE, TrialProfiles.BODY_SURFACE_AREA));

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	void customize(IBaseConformance conformance) {
		CapabilityStatement capabilities = (CapabilityStatement) conformance;
		capabilities.setName("TrialFHIR");
		capabilities.setTitle("TrialFHIR research server");
		capabilities.getSoftware().setName("TrialFHIR");
		capabilities.addInstantiates(TrialCanonical.CAPABILITY_STATEMENT);
		capabilities.addImplementationGuide(TrialCanonical.IMPLEMENTATION_GUIDE);
		for (CapabilityStatementRestComponent rest : capabilities.getRest()) {
			for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
				PROFILES_BY_TYPE.getOrDefault(resource.getType(), List.of()).forEach(resource::addSupportedProfile);
			}
			boolean listed = rest.getInteraction()
				.stream()
				.anyMatch(interaction -> interaction.getCode() == SystemRestfulInteraction.BATCH);
			if (!listed) {
				rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
			}
		}
	}

}
