package org.trialfhir.server.security;

import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialfhir.profiles.TrialCanonical;
import org.trialfhir.profiles.TrialOperations;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The audit trail in the server's own store. HAPI's BALP interceptor hands it an
 * AuditEvent for every read, search, create, update and delete made over the API; this
 * class adds one for every refused request ({@code 401} without a valid token,
 * {@code 403} by rule, scope or blinding) and for every failed {@code $unblind}, and
 * stores them on a background thread, so auditing does not slow the request down (a
 * successful {@code $unblind} stores its own AuditEvent in its transaction). AuditEvents
 * cannot be updated or deleted over the API, whatever the caller's role.
 */
@Interceptor
public class AuditTrail implements IBalpAuditEventSink {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

	private static final Coding SECURITY_ALERT = new Coding(DICOM, "110113", "Security Alert");

	private static final Coding LOGIN_FAILURE = new Coding(DICOM, "110122", "Login");

	private static final int QUEUE_CAPACITY = 100_000;

	/** Identifier system of audited resources ({@code Type/id}). */

	private final ObjectProvider<DaoRegistry> daos;

	private final ExecutorService writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new LinkedBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
				Thread thread = new Thread(runnable, "audit-trail");
				thread.setDaemon(true);
				return thread;
			});

	/**
	 * @param daos HAPI's DAOs (looked up on first use: the security filter chain is built
	 * before them)
	 */
	public AuditTrail(ObjectProvider<DaoRegistry> daos) {
		this.daos = daos;
	}

	@Override
	public void recordAuditEvent(AuditEvent event) {
		writer.execute(() -> store(event));
	}

	/**
	 * @param request an HTTP request refused for want of a valid bearer token
	 * @param reason why the token was refused
	 */
	void unauthenticated(HttpServletRequest request, String reason) {
		recordAuditEvent(failure(LOGIN_FAILURE, "401 " + request.getMethod() + " " + request.getRequestURI(), reason,
				request.getRemoteAddr(), null));
	}

	@Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
	void refused(RequestDetails request, BaseServerResponseException exception) {
		boolean unblinding = TrialOperations.UNBLIND.equals(request.getOperation());
		if (exception instanceof ForbiddenOperationException || exception instanceof AuthenticationException
				|| unblinding) {
			String address = request instanceof ServletRequestDetails servlet
					? servlet.getServletRequest().getRemoteAddr() : null;
			String subject = request.getUserData().get(TrialCallers.class.getName()) instanceof TrialCaller caller
					? caller.subject() : null;
			recordAuditEvent(failure(SECURITY_ALERT,
					exception.getStatusCode() + " " + request.getRequestType() + " " + request.getCompleteUrl(),
					exception.getMessage(), address, subject));
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	void refuseUpdate(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		refuseChange(request, resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	void refuseDelete(RequestDetails request, IBaseResource resource) {
		refuseChange(request, resource);
	}

	private static void refuseChange(RequestDetails request, IBaseResource resource) {
		if (resource instanceof AuditEvent && request instanceof ServletRequestDetails) {
			throw new ForbiddenOperationException("AuditEvents cannot be changed or deleted");
		}
	}

	private static AuditEvent failure(Coding subtype, String what, String reason, String address, String subject) {
		AuditEvent event = new AuditEvent();
		event.setType(SECURITY_ALERT.copy());
		event.addSubtype(subtype.copy());
		event.setAction(AuditEvent.AuditEventAction.E);
		event.setOutcome(AuditEvent.AuditEventOutcome._4);
		event.setOutcomeDesc(reason);
		event.setRecorded(new Date());
		AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
		agent.setWho(new Reference().setDisplay(subject == null ? "unauthenticated" : subject));
		if (address != null) {
			agent.getNetwork().setAddress(address).setType(AuditEvent.AuditEventAgentNetworkType._2);
		}
		event.getSource()
			.setObserver(new Reference().setDisplay(TrialCanonical.AUDIT_SOURCE))
			.setSite(TrialCanonical.AUDIT_SOURCE);
		event.addEntity().setName(what);
		return event;
	}

	private void store(AuditEvent event) {
		try {
			unlink(event);
			daos.getObject().getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
		}
		catch (RuntimeException ex) {
			log.error("Could not store an AuditEvent: {}", event.getEntityFirstRep().getName(), ex);
		}
	}

	/**
	 * Keeps what each entity was as text (an identifier and display), not as a reference:
	 * an audit trail must neither block deleting what it mentions nor join the patient's
	 * compartment ({@code $everything}).
	 */
	private static void unlink(AuditEvent event) {
		for (AuditEvent.AuditEventEntityComponent entity : event.getEntity()) {
			String reference = entity.getWhat().getReference();
			if (reference != null) {
				entity.setWhat(new Reference().setDisplay(reference)
					.setIdentifier(
							new Identifier().setSystem(TrialCanonical.AUDITED_RESOURCE_SYSTEM).setValue(reference)));
			}
		}
	}

	/**
	 * Waits until every AuditEvent handed over so far is stored.
	 * @param timeoutMillis how long to wait at most
	 * @return true when all are stored
	 */
	public boolean flush(long timeoutMillis) {
		try {
			return writer.submit(() -> {
			}).get(timeoutMillis, TimeUnit.MILLISECONDS) == null;
		}
		catch (Exception ex) {
			return false;
		}
	}

	@PreDestroy
	void stop() throws InterruptedException {
		writer.shutdown();
		writer.awaitTermination(10, TimeUnit.SECONDS);
	}

}
