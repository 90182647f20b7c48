package org.trialfhir.server.config;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;

/**
 * Completes the CapabilityStatement HAPI generates: the server's name and software, and the {@code batch} system
 * interaction (served by the same endpoint as {@code transaction}, which is all HAPI lists).
 */
@Interceptor
class CapabilityStatementCustomizer {

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	void customize(IBaseConformance conformance) {
		CapabilityStatement capabilities = (CapabilityStatement) conformance;
		capabilities.setName("TrialFHIR");
		capabilities.setTitle("TrialFHIR research server");
		capabilities.getSoftware().setName("TrialFHIR");
		for (CapabilityStatementRestComponent rest : capabilities.getRest()) {
			boolean listed = rest.getInteraction()
				.stream()
				.anyMatch(interaction -> interaction.getCode() == SystemRestfulInteraction.BATCH);
			if (!listed) {
				rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
			}
		}
	}

}
