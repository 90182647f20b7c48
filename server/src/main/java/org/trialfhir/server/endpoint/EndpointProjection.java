package org.trialfhir.server.endpoint;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.IResourcePersistentId;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResearchSubject;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes resources into the endpoint projection's compact rows, and rebuilds the whole
 * projection from the resource store.
 */
public class EndpointProjection {

	/** Resource types the projection keeps, in rebuild order. */
	static final List<String> PROJECTED_TYPES = List.of("Patient", "ResearchSubject", "Observation",
			"MedicationAdministration", "AdverseEvent", "Encounter");

	private final EndpointProjectionStore store;

	private final DaoRegistry daos;

	private final TransactionTemplate transaction;

	/**
	 * @param store the projection's tables
	 * @param daos HAPI's resource DAOs (for rebuilds)
	 * @param transaction transaction template of HAPI's transaction manager
	 */
	public EndpointProjection(EndpointProjectionStore store, DaoRegistry daos, TransactionTemplate transaction) {
		this.store = store;
		this.daos = daos;
		this.transaction = transaction;
	}

	/**
	 * Stores (or replaces) the rows of a created or updated resource.
	 * @param resource any resource; types the projection does not keep are ignored
	 * @return the patients whose data changed (their facts need a refresh)
	 */
	public Set<String> project(IBaseResource resource) {
		return project(resource, new TreeSet<>());
	}

	/**
	 * Stores (or replaces) the rows of a created or updated resource.
	 * @param resource any resource; types the projection does not keep are ignored
	 * @param studies collects the study a ResearchSubject belonged to before, if any (its
	 * results change too)
	 * @return the patients whose data changed (their facts need a refresh)
	 */
	public Set<String> project(IBaseResource resource, Set<String> studies) {
		Set<String> touched = new TreeSet<>();
		if (resource instanceof ResearchSubject subject) {
			var enrollment = EndpointSources.enrollment(subject);
			if (enrollment.isPresent()) {
				addIfPresent(touched, store.putSubject(enrollment.get(), studies));
				touched.add(enrollment.get().patientId());
			}
			else {
				addIfPresent(touched, store.removeSubject(subject.getIdElement().getIdPart(), studies));
			}
		}
		else if (resource instanceof Patient patient) {
			String patientId = patient.getIdElement().getIdPart();
			store.putPatient(patientId, EndpointSources.deathDate(patient));
			touched.add(patientId);
		}
		else if (EndpointSources.isProjected(resource)) {
			var event = EndpointSources.clinicalEvent(resource);
			if (event.isPresent()) {
				addIfPresent(touched, store.putEvent(event.get()));
				touched.add(event.get().patientId());
			}
			else {
				addIfPresent(touched, store.removeEvent(EndpointSources.key(resource)));
			}
		}
		return touched;
	}

	/**
	 * Removes the rows of a deleted resource.
	 * @param resource any resource; types the projection does not keep are ignored
	 * @param studies collects the study a deleted ResearchSubject belonged to
	 * @return the patients whose data changed
	 */
	public Set<String> unproject(IBaseResource resource, Set<String> studies) {
		Set<String> touched = new TreeSet<>();
		if (resource instanceof ResearchSubject) {
			addIfPresent(touched, store.removeSubject(resource.getIdElement().getIdPart(), studies));
		}
		else if (resource instanceof Patient) {
			String patientId = resource.getIdElement().getIdPart();
			store.putPatient(patientId, null);
			touched.add(patientId);
		}
		else if (EndpointSources.isProjected(resource)) {
			addIfPresent(touched, store.removeEvent(EndpointSources.key(resource)));
		}
		return touched;
	}

	/**
	 * Empties the projection and recomputes it from every current resource of the
	 * projected types, in one transaction (readers see the old or the new projection).
	 * @return number of resources read
	 */
	public int rebuild() {
		Integer read = transaction.execute((status) -> {
			store.clear();
			Set<String> patients = new TreeSet<>();
			int count = 0;
			for (String type : PROJECTED_TYPES) {
				IFhirResourceDao<?> dao = daos.getResourceDao(type);
				List<IResourcePersistentId> ids = dao.searchForIds(SearchParameterMap.newSynchronous(),
						new SystemRequestDetails());
				for (IResourcePersistentId id : ids) {
					patients.addAll(project(dao.readByPid(id)));
					count++;
				}
			}
			store.refresh(patients);
			return count;
		});
		return read == null ? 0 : read;
	}

	private static void addIfPresent(Set<String> ids, String id) {
		if (id != null) {
			ids.add(id);
		}
	}

}
