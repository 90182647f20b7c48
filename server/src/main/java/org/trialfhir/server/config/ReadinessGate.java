package org.trialfhir.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.OperationOutcome;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

/**
 * Serves no FHIR request until the server is ready: the port opens before the application
 * runners have installed the IG and activated its SearchParameters, and a write in that
 * window would be checked against a server without them. Until readiness is
 * {@code ACCEPTING_TRAFFIC} (and again once shutdown begins) every request under the FHIR
 * path gets {@code 503}, {@code Retry-After} and an OperationOutcome.
 */
class ReadinessGate implements Filter {

	private final ApplicationAvailability availability;

	private final byte[] notReady;

	ReadinessGate(ApplicationAvailability availability, FhirContext fhirContext) {
		this.availability = availability;
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue()
			.setSeverity(OperationOutcome.IssueSeverity.ERROR)
			.setCode(OperationOutcome.IssueType.TRANSIENT)
			.setDiagnostics("The server is starting (or stopping) and not ready to serve requests; retry shortly");
		this.notReady = fhirContext.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			chain.doFilter(request, response);
			return;
		}
		HttpServletResponse http = (HttpServletResponse) response;
		http.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		http.setHeader("Retry-After", "2");
		http.setContentType("application/fhir+json;charset=UTF-8");
		http.getOutputStream().write(this.notReady);
	}

}
