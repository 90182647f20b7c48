package org.trialfhir.server.dosefinding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.trialfhir.profiles.TrialExtensions;

import org.springframework.stereotype.Component;

/**
 * Reads a dose-escalation study, its subjects and their patients' DLT-flagged adverse
 * events from the FHIR store (as the system: the data are open label in part 1).
 */
@Component
public class DoseEscalationRecords {

	private final DaoRegistry daos;

	/**
	 * @param daos HAPI's resource DAOs
	 */
	public DoseEscalationRecords(DaoRegistry daos) {
		this.daos = daos;
	}

	/**
	 * @param studyId the study
	 * @return the study (404 if unknown)
	 */
	public ResearchStudy study(IIdType studyId) {
		return daos.getResourceDao(ResearchStudy.class).read(studyId.toUnqualifiedVersionless(), system());
	}

	/**
	 * @param study a dose-escalation study
	 * @param protocol its protocol
	 * @return the DLT history of every subject of the study
	 * @throws IllegalArgumentException if a subject has no dose level
	 */
	public List<SubjectDltHistory> histories(ResearchStudy study, DoseEscalationProtocol protocol) {
		String studyReference = "ResearchStudy/" + study.getIdElement().getIdPart();
		List<ResearchSubject> subjects = daos.getResourceDao(ResearchSubject.class)
			.searchForResources(
					SearchParameterMap.newSynchronous(ResearchSubject.SP_STUDY, new ReferenceParam(studyReference)),
					system());
		Map<String, List<LocalDate>> onsets = dltOnsetsByPatient(subjects);
		List<SubjectDltHistory> histories = new ArrayList<>();
		for (ResearchSubject subject : subjects) {
			String patient = subject.getIndividual().getReferenceElement().toUnqualifiedVersionless().getValue();
			histories.add(new SubjectDltHistory(subject.getIdElement().toUnqualifiedVersionless().getValue(),
					doseLevel(subject, protocol), date(subject.getPeriod().getStartElement()),
					onsets.getOrDefault(patient, List.of())));
		}
		return histories;
	}

	private Map<String, List<LocalDate>> dltOnsetsByPatient(List<ResearchSubject> subjects) {
		Map<String, List<LocalDate>> onsets = new HashMap<>();
		if (subjects.isEmpty()) {
			return onsets;
		}
		ReferenceOrListParam patients = new ReferenceOrListParam();
		subjects.forEach(s -> patients.addOr(new ReferenceParam(s.getIndividual().getReference())));
		List<AdverseEvent> events = daos.getResourceDao(AdverseEvent.class)
			.searchForResources(SearchParameterMap.newSynchronous().add(AdverseEvent.SP_SUBJECT, patients), system());
		for (AdverseEvent event : events) {
			Extension dlt = event.getExtensionByUrl(TrialExtensions.DLT);
			if (dlt != null && ((BooleanType) dlt.getValue()).booleanValue() && event.hasDate()) {
				String patient = event.getSubject().getReferenceElement().toUnqualifiedVersionless().getValue();
				onsets.computeIfAbsent(patient, p -> new ArrayList<>()).add(date(event.getDateElement()));
			}
		}
		return onsets;
	}

	private static int doseLevel(ResearchSubject subject, DoseEscalationProtocol protocol) {
		Extension level = subject.getExtensionByUrl(TrialExtensions.SUBJECT_DOSE_LEVEL);
		if (level != null) {
			return ((IntegerType) level.getValue()).getValue();
		}
		for (String arm : new String[] { subject.getActualArm(), subject.getAssignedArm() }) {
			OptionalInt ordinal = (arm != null) ? protocol.levelOfArm(arm) : OptionalInt.empty();
			if (ordinal.isPresent()) {
				return ordinal.getAsInt();
			}
		}
		throw new IllegalArgumentException(subject.getIdElement().toUnqualifiedVersionless().getValue()
				+ " has no dose level (neither " + TrialExtensions.SUBJECT_DOSE_LEVEL + " nor an arm of a dose level)");
	}

	/** The calendar date as recorded (a dateTime's own offset, not the server's zone). */
	private static LocalDate date(BaseDateTimeType value) {
		return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
	}

	private static SystemRequestDetails system() {
		return new SystemRequestDetails();
	}

}
