package org.trialfhir.server.endpoint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.trialfhir.profiles.TrialCodeSystems;
import org.trialfhir.profiles.TrialCodes;
import org.trialfhir.profiles.TrialCodes.Allocation;
import org.trialfhir.profiles.TrialCodes.ArmType;
import org.trialfhir.profiles.TrialExtensions;

/**
 * What the analyses need from a ResearchStudy: whether it is randomized, its arms (the
 * experimental arm first) and the time frames of its endpoints.
 *
 * @param studyId ResearchStudy id
 * @param randomized true if its allocation is RANDOMIZED
 * @param arms arm names in the study's order
 * @param experimentalArm the first arm of type EXPERIMENTAL (else the first arm), if any
 * @param timeFrameDays time frame of each endpoint with one, in days
 */
public record StudyDesign(String studyId, boolean randomized, List<String> arms, Optional<String> experimentalArm,
		Map<TrialCodes.Endpoint, Integer> timeFrameDays) {

	/** Default horizon when the study states no time frame: one year. */
	public static final int DEFAULT_TIME_FRAME_DAYS = 365;

	/** Copies. */
	public StudyDesign {
		arms = List.copyOf(arms);
		timeFrameDays = Map.copyOf(timeFrameDays);
	}

	/**
	 * @param study a TrialResearchStudy
	 * @return its design
	 */
	public static StudyDesign of(ResearchStudy study) {
		List<String> arms = new ArrayList<>();
		String experimental = null;
		for (ResearchStudy.ResearchStudyArmComponent arm : study.getArm()) {
			arms.add(arm.getName());
			boolean isExperimental = arm.getType()
				.getCoding()
				.stream()
				.anyMatch((c) -> ArmType.EXPERIMENTAL.is(c.getSystem(), c.getCode()));
			if (experimental == null && isExperimental) {
				experimental = arm.getName();
			}
		}
		if (experimental == null && !arms.isEmpty()) {
			experimental = arms.get(0);
		}
		return new StudyDesign(study.getIdElement().getIdPart(), isRandomized(study), arms,
				Optional.ofNullable(experimental), timeFrames(study));
	}

	/**
	 * @param endpoint an endpoint
	 * @return its time frame in days, or {@link #DEFAULT_TIME_FRAME_DAYS}
	 */
	public int timeFrameDays(TrialCodes.Endpoint endpoint) {
		return timeFrameDays.getOrDefault(endpoint, DEFAULT_TIME_FRAME_DAYS);
	}

	private static boolean isRandomized(ResearchStudy study) {
		Extension allocation = study.getExtensionByUrl(TrialExtensions.ALLOCATION);
		return allocation != null && allocation.getValue() instanceof CodeableConcept concept
				&& concept.getCoding().stream().anyMatch((c) -> Allocation.RANDOMIZED.is(c.getSystem(), c.getCode()));
	}

	private static Map<TrialCodes.Endpoint, Integer> timeFrames(ResearchStudy study) {
		Map<TrialCodes.Endpoint, Integer> days = new EnumMap<>(TrialCodes.Endpoint.class);
		for (Extension measure : study.getExtensionsByUrl(TrialExtensions.OUTCOME_MEASURE)) {
			Extension endpoint = measure.getExtensionByUrl(TrialExtensions.OutcomeMeasure.ENDPOINT);
			Extension timeFrame = measure.getExtensionByUrl(TrialExtensions.OutcomeMeasure.TIME_FRAME);
			if (endpoint == null || timeFrame == null || !(endpoint.getValue() instanceof CodeableConcept code)
					|| !(timeFrame.getValue() instanceof Duration duration)) {
				continue;
			}
			code.getCoding()
				.stream()
				.filter((c) -> TrialCodeSystems.ENDPOINT.equals(c.getSystem()))
				.map((c) -> TrialCodes.Endpoint.fromCode(c.getCode()))
				.flatMap(Optional::stream)
				.findFirst()
				.ifPresent((e) -> toDays(duration).ifPresent((d) -> days.put(e, d)));
		}
		return days;
	}

	/**
	 * UCUM d, wk, mo, a; a year counts 365 days (the trial's one-year time frame), a
	 * month 365/12.
	 */
	private static Optional<Integer> toDays(Duration duration) {
		if (!duration.hasValue()) {
			return Optional.empty();
		}
		double value = duration.getValue().doubleValue();
		Double days = switch (duration.hasCode() ? duration.getCode() : "") {
			case "d" -> value;
			case "wk" -> value * 7;
			case "mo" -> value * 365 / 12;
			case "a" -> value * 365;
			default -> null;
		};
		return days == null ? Optional.empty() : Optional.of((int) Math.round(days));
	}

}
