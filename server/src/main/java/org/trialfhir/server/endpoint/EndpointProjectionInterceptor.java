package org.trialfhir.server.endpoint;

import java.util.Set;
import java.util.TreeSet;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseResource;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the endpoint projection in step with the resource store. It hooks HAPI's
 * pre-commit storage pointcuts, which run inside the write's database transaction (also
 * for each entry of a FHIR transaction), and writes the compact rows through
 * {@link EndpointProjectionStore} on that same transaction: when the write rolls back, so
 * does the projection. The derived per-subject facts of the patients touched are
 * recomputed once, just before the transaction commits, and the projection version of
 * their studies (and of studies a subject left) is raised in the same step, so cached
 * results of those studies are not used again.
 */
@Interceptor
public class EndpointProjectionInterceptor {

	private final EndpointProjection projection;

	private final EndpointProjectionStore store;

	/**
	 * @param projection writes resources into the projection
	 * @param store the projection's tables
	 */
	public EndpointProjectionInterceptor(EndpointProjection projection, EndpointProjectionStore store) {
		this.projection = projection;
		this.store = store;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	void created(IBaseResource resource) {
		Set<String> studies = new TreeSet<>();
		refreshBeforeCommit(projection.project(resource, studies), studies);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	void updated(IBaseResource previous, IBaseResource resource) {
		Set<String> studies = new TreeSet<>();
		refreshBeforeCommit(projection.project(resource, studies), studies);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	void deleted(IBaseResource resource) {
		Set<String> studies = new TreeSet<>();
		refreshBeforeCommit(projection.unproject(resource, studies), studies);
	}

	/**
	 * Collects the patients (and studies a subject left) touched in the running
	 * transaction and refreshes them once before it commits; without transaction
	 * synchronization, refreshes at once.
	 */
	private void refreshBeforeCommit(Set<String> patientIds, Set<String> studyIds) {
		if (patientIds.isEmpty() && studyIds.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			store.refresh(patientIds, studyIds);
			return;
		}
		TouchedPatients pending = (TouchedPatients) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new TouchedPatients(store, this);
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.patientIds.addAll(patientIds);
		pending.studyIds.addAll(studyIds);
	}

	/**
	 * The patients and studies touched in one transaction, refreshed just before it
	 * commits.
	 */
	private static final class TouchedPatients implements TransactionSynchronization {

		private final Set<String> patientIds = new TreeSet<>();

		private final Set<String> studyIds = new TreeSet<>();

		private final EndpointProjectionStore store;

		private final Object key;

		TouchedPatients(EndpointProjectionStore store, Object key) {
			this.store = store;
			this.key = key;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			store.refresh(patientIds, studyIds);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(key);
		}

	}

}
