package org.trialfhir.profiles;

import java.util.List;
import java.util.Optional;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;

/**
 * Decides which Trial profile applies to a resource, whatever its {@code meta.profile}
 * says.
 * <p>
 * Decision: profiles are applied <b>by type</b>. An EHR interface does not have to
 * declare {@code meta.profile}: a ResearchStudy is always validated against
 * TrialResearchStudy, a ResearchSubject against TrialResearchSubject, a Patient against
 * TrialPatient, a MedicationAdministration against TrialMedicationAdministration and an
 * AdverseEvent against TrialAdverseEvent. An Observation is selected by its code: the
 * RECIST overall-response code selects TrialTumorResponse, LOINC 8277-6 selects
 * TrialBodySurfaceArea, any other Observation (and any other resource type) is validated
 * against base R4 only. A declared {@code meta.profile} is honoured in addition (the
 * validator checks every declared profile), so declaring TrialTumorResponse on a
 * body-surface-area Observation fails.
 */
public final class TrialProfileSelector {

	/**
	 * The Trial profile that applies to the resource, if any.
	 * @param resource an R4 resource
	 * @return the profile's canonical URL, or empty for base R4 only
	 */
	public Optional<String> profileFor(IBaseResource resource) {
		String type = resource.fhirType();
		return switch (type) {
			case "ResearchStudy" -> Optional.of(TrialProfiles.RESEARCH_STUDY);
			case "ResearchSubject" -> Optional.of(TrialProfiles.RESEARCH_SUBJECT);
			case "Patient" -> Optional.of(TrialProfiles.PATIENT);
			case "MedicationAdministration" -> Optional.of(TrialProfiles.MEDICATION_ADMINISTRATION);
			case "AdverseEvent" -> Optional.of(TrialProfiles.ADVERSE_EVENT);
			case "Observation" ->
				(resource instanceof Observation observation) ? observationProfile(observation) : Optional.empty();
			default -> Optional.empty();
		};
	}

	/**
	 * The profiles to validate the resource against: the selected one (if any); declared
	 * profiles are checked by the validator itself.
	 * @param resource an R4 resource
	 * @return zero or one canonical URL
	 */
	public List<String> profilesFor(IBaseResource resource) {
		return profileFor(resource).map(List::of).orElse(List.of());
	}

	private static Optional<String> observationProfile(Observation observation) {
		CodeableConcept code = observation.getCode();
		if (code.hasCoding(TrialCodeSystems.OBSERVATION_TYPE, TrialCodes.RECIST_OVERALL_RESPONSE)) {
			return Optional.of(TrialProfiles.TUMOR_RESPONSE);
		}
		if (code.hasCoding(TrialCodeSystems.LOINC, TrialCodes.LOINC_BODY_SURFACE_AREA)) {
			return Optional.of(TrialProfiles.BODY_SURFACE_AREA);
		}
		return Optional.empty();
	}

}
