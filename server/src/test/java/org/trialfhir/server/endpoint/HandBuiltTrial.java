package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.trialfhir.profiles.TrialCodeSystems;
import org.trialfhir.profiles.TrialCodes;
import org.trialfhir.profiles.TrialCodes.CtcaeGrade;
import org.trialfhir.profiles.TrialCodes.RecistResponse;
import org.trialfhir.profiles.TrialCodes.Stratum;
import org.trialfhir.profiles.TrialExtensions;
import org.trialfhir.server.IgExamples;
import org.trialfhir.server.SampleResources;
import org.trialfhir.server.analysis.survival.SurvivalObservation;

/**
 * A ten-subject randomized trial written by hand, with every subject's OS, PFS and TTP
 * worked out by hand from the derivation rules (in the comments of {@link #SUBJECTS}).
 * RAK subjects are randomized on 2025-01-01, CONTROL subjects on 2025-01-15; the CONTROL
 * subjects' data arrive out of order (clinical data before the ResearchSubject, later
 * assessments before earlier ones).
 */
final class HandBuiltTrial {

	static final String RAK = "RAK";

	static final String CONTROL = "CONTROL";

	static final LocalDate RAK_ORIGIN = LocalDate.of(2025, 1, 1);

	static final LocalDate CONTROL_ORIGIN = LocalDate.of(2025, 1, 15);

	/** After all data. */
	static final LocalDate LATE_CUTOFF = LocalDate.of(2026, 6, 1);

	/** RAK day 60, CONTROL day 46. */
	static final LocalDate EARLY_CUTOFF = LocalDate.of(2025, 3, 2);

	static final List<SubjectSpec> SUBJECTS = List.of(
			// OS: death 200; PFS/TTP: PD 84; BOR PR
			new SubjectSpec("R1", RAK, Stratum.ECOG_0, 200, List.of(a(42, "PR"), a(84, "PD")),
					List.of(ae(10, 3, false)), t(200, 1), t(84, 1), t(84, 1), t(42, 0), t(42, 0), t(42, 0)),
			// alive, last data dose 90: OS c90; PFS/TTP c84 (SD); early: last data 42
			new SubjectSpec("R2", RAK, Stratum.ECOG_1, null, List.of(a(42, "SD"), a(84, "SD"), dose(90)), List.of(),
					t(90, 0), t(84, 0), t(84, 0), t(42, 0), t(42, 0), t(42, 0)),
			// death 30 without assessment: PFS event 30, TTP censored day 0; an AE on day
			// 0 is before the first
			// dose (day 1), so not treatment-emergent
			new SubjectSpec("R3", RAK, Stratum.ECOG_0, 30, List.of(), List.of(ae(0, 4, true)), t(30, 1), t(30, 1),
					t(0, 0), t(30, 1), t(30, 1), t(0, 0)),
			// baseline PD on day 0 is ignored; CR 42, NE 84: PFS/TTP c42, OS c84 (NE
			// shows alive)
			new SubjectSpec("R4", RAK, Stratum.ECOG_1, null, List.of(a(0, "PD"), a(42, "CR"), a(84, "NE")), List.of(),
					t(84, 0), t(42, 0), t(42, 0), t(42, 0), t(42, 0), t(42, 0)),
			// PD 42, death 150
			new SubjectSpec("R5", RAK, Stratum.ECOG_0, 150, List.of(a(42, "PD")), List.of(ae(43, 2, false)), t(150, 1),
					t(42, 1), t(42, 1), t(43, 0), t(42, 1), t(42, 1)),
			// PD 42, death 100
			new SubjectSpec("C1", CONTROL, Stratum.ECOG_1, 100, List.of(a(42, "PD")), List.of(), t(100, 1), t(42, 1),
					t(42, 1), t(42, 0), t(42, 1), t(42, 1)),
			// SD 42, death 60: PFS death 60, TTP c42; early (day 46): death not yet, c42
			new SubjectSpec("C2", CONTROL, Stratum.ECOG_0, 60, List.of(a(42, "SD")), List.of(ae(50, 4, true)), t(60, 1),
					t(60, 1), t(42, 0), t(42, 0), t(42, 0), t(42, 0)),
			// PR 42, PR 84, PD 126, alive
			new SubjectSpec("C3", CONTROL, Stratum.ECOG_1, null, List.of(a(126, "PD"), a(42, "PR"), a(84, "PR")),
					List.of(ae(20, 1, false), ae(30, 3, false)), t(126, 0), t(126, 1), t(126, 1), t(42, 0), t(42, 0),
					t(42, 0)),
			// NE only: PFS/TTP censored day 0, OS c42
			new SubjectSpec("C4", CONTROL, Stratum.ECOG_0, null, List.of(a(42, "NE")), List.of(), t(42, 0), t(0, 0),
					t(0, 0), t(42, 0), t(0, 0), t(0, 0)),
			// PD 42, death 45
			new SubjectSpec("C5", CONTROL, Stratum.ECOG_1, 45, List.of(a(42, "PD")), List.of(), t(45, 1), t(42, 1),
					t(42, 1), t(45, 1), t(42, 1), t(42, 1)));

	private final IGenericClient client;

	final IdType studyId;

	/**
	 * Patient and ResearchSubject ids and assessment ids (key "R1@84") by subject code.
	 */
	final Map<String, IdType> ids = new HashMap<>();

	private HandBuiltTrial(IGenericClient client, IdType studyId) {
		this.client = client;
		this.studyId = studyId;
	}

	/**
	 * Stores a new study with the ten subjects.
	 * @param client client on the server
	 * @return the trial
	 */
	static HandBuiltTrial store(IGenericClient client) {
		ResearchStudy study = SampleResources.study();
		IdType studyId = (IdType) client.create().resource(study).execute().getId().toUnqualifiedVersionless();
		HandBuiltTrial trial = new HandBuiltTrial(client, studyId);
		SUBJECTS.forEach(trial::storeSubject);
		return trial;
	}

	private void storeSubject(SubjectSpec spec) {
		LocalDate origin = spec.origin();
		Patient patient = SampleResources.patient();
		if (spec.deathDay() != null) {
			patient.setDeceased(new DateTimeType(origin.plusDays(spec.deathDay()).toString()));
		}
		IdType patientId = create(patient);
		ids.put(spec.code() + "/patient", patientId);
		Reference patientRef = new Reference(patientId);
		List<Resource> clinical = new ArrayList<>();
		clinical.add(dose(patientRef, origin.plusDays(1)));
		for (Assessment assessment : spec.assessments()) {
			clinical.add(assessment.response() == null ? dose(patientRef, origin.plusDays(assessment.day()))
					: tumourResponse(patientRef, origin.plusDays(assessment.day()),
							RecistResponse.valueOf(assessment.response())));
		}
		for (AdverseEventSpec ae : spec.adverseEvents()) {
			clinical.add(adverseEvent(patientRef, origin.plusDays(ae.day()), ae.grade(), ae.serious()));
		}
		ResearchSubject subject = subject(patientRef, spec);
		if (spec.arm().equals(CONTROL)) {
			// out of order: clinical data first, the study link last
			for (Resource resource : clinical) {
				remember(spec, resource, create(resource));
			}
			ids.put(spec.code(), create(subject));
		}
		else {
			ids.put(spec.code(), create(subject));
			for (Resource resource : clinical) {
				remember(spec, resource, create(resource));
			}
		}
	}

	private void remember(SubjectSpec spec, Resource resource, IdType id) {
		if (resource instanceof Observation observation) {
			LocalDate date = LocalDate.parse(observation.getEffectiveDateTimeType().getValueAsString());
			ids.put(spec.code() + "@" + (date.toEpochDay() - spec.origin().toEpochDay()), id);
		}
	}

	private IdType create(Resource resource) {
		return (IdType) client.create().resource(resource).execute().getId().toUnqualifiedVersionless();
	}

	private ResearchSubject subject(Reference patient, SubjectSpec spec) {
		ResearchSubject subject = SampleResources.subject(new Reference(studyId), patient);
		subject.setStatus(ResearchSubject.ResearchSubjectStatus.ONSTUDY);
		subject.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(spec.origin().toString()));
		subject.getPeriod().setEndElement(null);
		subject.setAssignedArm(spec.arm());
		subject.setActualArm(spec.arm());
		subject.getExtensionByUrl(TrialExtensions.STRATUM)
			.setValue(new CodeableConcept(
					new Coding(TrialCodeSystems.STRATUM, spec.stratum().code(), spec.stratum().display())));
		return subject;
	}

	static Observation tumourResponse(Reference patient, LocalDate date, RecistResponse response) {
		Observation observation = IgExamples.get(Observation.class, "tumor-response-li-na-2025-05-19");
		observation.setIdElement(null);
		observation.getMeta().setVersionId(null).setLastUpdated(null);
		observation.setSubject(patient);
		observation.setEffective(new DateTimeType(date.toString()));
		observation.setValue(new CodeableConcept(new Coding(response.system(), response.code(), response.display())));
		return observation;
	}

	static MedicationAdministration dose(Reference patient, LocalDate date) {
		MedicationAdministration administration = SampleResources.administration(patient);
		administration.setEffective(new DateTimeType(date + "T08:00:00+08:00"));
		return administration;
	}

	private AdverseEvent adverseEvent(Reference patient, LocalDate date, int grade, boolean serious) {
		return adverseEvent(new Reference(studyId), patient, date, grade, serious);
	}

	static AdverseEvent adverseEvent(Reference study, Reference patient, LocalDate date, int grade, boolean serious) {
		AdverseEvent event = SampleResources.adverseEvent(patient);
		event.setStudy(List.of(study));
		event.setDateElement(new DateTimeType(date.toString()));
		CtcaeGrade ctcae = CtcaeGrade.ofGrade(grade).orElseThrow();
		event.getExtensionByUrl(TrialExtensions.AE_GRADE)
			.setValue(new CodeableConcept(new Coding(ctcae.system(), ctcae.code(), ctcae.display())));
		String seriousness = serious ? TrialCodes.AE_SERIOUS : TrialCodes.AE_NON_SERIOUS;
		event
			.setSeriousness(new CodeableConcept(new Coding(TrialCodeSystems.AE_SERIOUSNESS, seriousness, seriousness)));
		return event;
	}

	/**
	 * @param endpoint OS, PFS or TTP
	 * @param early at {@link #EARLY_CUTOFF} rather than after all data
	 * @param stratified keep the strata
	 * @return the hand-derived observations
	 */
	static List<SurvivalObservation> expected(SurvivalEndpoint endpoint, boolean early, boolean stratified) {
		return SUBJECTS.stream().map((s) -> {
			int[] outcome = s.outcome(endpoint, early);
			return new SurvivalObservation(outcome[0], outcome[1] == 1, s.arm(),
					stratified ? s.stratum().code() : SurvivalObservation.NO_STRATUM);
		}).toList();
	}

	private static Assessment a(int day, String response) {
		return new Assessment(day, response);
	}

	private static Assessment dose(int day) {
		return new Assessment(day, null);
	}

	private static AdverseEventSpec ae(int day, int grade, boolean serious) {
		return new AdverseEventSpec(day, grade, serious);
	}

	private static int[] t(int days, int event) {
		return new int[] { days, event };
	}

	/** A tumour assessment (or, without response, an extra dose) on a day. */
	record Assessment(int day, String response) {
	}

	record AdverseEventSpec(int day, int grade, boolean serious) {
	}

	/**
	 * One subject: arm, stratum, death day, assessments, adverse events and its expected
	 * OS, PFS and TTP (days, event) after all data and at the early cut-off.
	 */
	record SubjectSpec(String code, String arm, Stratum stratum, Integer deathDay, List<Assessment> assessments,
			List<AdverseEventSpec> adverseEvents, int[] os, int[] pfs, int[] ttp, int[] earlyOs, int[] earlyPfs,
			int[] earlyTtp) {

		LocalDate origin() {
			return arm.equals(RAK) ? RAK_ORIGIN : CONTROL_ORIGIN;
		}

		int[] outcome(SurvivalEndpoint endpoint, boolean early) {
			return switch (endpoint) {
				case OS -> early ? earlyOs : os;
				case PFS -> early ? earlyPfs : pfs;
				case TTP -> early ? earlyTtp : ttp;
			};
		}

	}

}
