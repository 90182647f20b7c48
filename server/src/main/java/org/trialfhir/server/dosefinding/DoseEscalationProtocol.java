package org.trialfhir.server.dosefinding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;
import org.trialfhir.profiles.TrialCodes.DoseEscalationDesign;
import org.trialfhir.profiles.TrialExtensions;

/**
 * The dose-escalation protocol of a part-1 study, as its ResearchStudy states it.
 *
 * @param design 3+3 or BOIN
 * @param targetDltRate target DLT rate (required by BOIN; used by 3+3 only for the
 * isotonic estimates)
 * @param dltWindowDays DLT window in days
 * @param levels dose levels, lowest first, ordinals 1..K without gaps
 * @param maximumSampleSize planned enrollment (recruitment.targetNumber), BOIN's maximum
 * sample size
 */
public record DoseEscalationProtocol(DoseEscalationDesign design, OptionalDouble targetDltRate, int dltWindowDays,
		List<ProtocolDoseLevel> levels, OptionalInt maximumSampleSize) {

	/** Checks the protocol. */
	public DoseEscalationProtocol {
		Objects.requireNonNull(design, "design");
		levels = List.copyOf(levels);
		if (levels.isEmpty()) {
			throw new IllegalArgumentException("the study has no dose levels");
		}
		for (int i = 0; i < levels.size(); i++) {
			if (levels.get(i).ordinal() != i + 1) {
				throw new IllegalArgumentException("dose-level ordinals must run 1.." + levels.size()
						+ " without gaps, found " + levels.stream().map(ProtocolDoseLevel::ordinal).toList());
			}
		}
		if (design == DoseEscalationDesign.BOIN && targetDltRate.isEmpty()) {
			throw new IllegalArgumentException("a BOIN design needs a target DLT rate");
		}
		if (dltWindowDays < 1) {
			throw new IllegalArgumentException("the DLT window must be at least one day, was " + dltWindowDays);
		}
	}

	/**
	 * Reads the protocol from a study.
	 * @param study a TrialResearchStudy
	 * @return the protocol, or empty if the study is not a dose-escalation study (it has
	 * no dose-escalation design)
	 * @throws IllegalArgumentException if the design is there but the protocol is
	 * incomplete
	 */
	public static Optional<DoseEscalationProtocol> of(ResearchStudy study) {
		Extension designExtension = study.getExtensionByUrl(TrialExtensions.DOSE_ESCALATION_DESIGN);
		if (designExtension == null) {
			return Optional.empty();
		}
		DoseEscalationDesign design = design((CodeableConcept) designExtension.getValue());
		Extension target = study.getExtensionByUrl(TrialExtensions.TARGET_DLT_RATE);
		OptionalDouble targetRate = (target != null)
				? OptionalDouble.of(((DecimalType) target.getValue()).getValueAsNumber().doubleValue())
				: OptionalDouble.empty();
		Extension window = study.getExtensionByUrl(TrialExtensions.DLT_WINDOW);
		if (window == null) {
			throw new IllegalArgumentException("the study has no DLT window");
		}
		return Optional.of(new DoseEscalationProtocol(design, targetRate, days((Duration) window.getValue()),
				levels(study), plannedEnrollment(study)));
	}

	private static DoseEscalationDesign design(CodeableConcept concept) {
		for (Coding coding : concept.getCoding()) {
			for (DoseEscalationDesign design : DoseEscalationDesign.values()) {
				if (design.is(coding.getSystem(), coding.getCode())) {
					return design;
				}
			}
		}
		throw new IllegalArgumentException("unknown dose-escalation design " + concept.getCodingFirstRep().getCode());
	}

	static int days(Duration window) {
		BigDecimal value = window.getValue();
		if (value == null) {
			throw new IllegalArgumentException("the DLT window has no value");
		}
		// UCUM: mo = 30.4375 d, a = 365.25 d
		double daysPerUnit = switch (String.valueOf(window.getCode())) {
			case "d" -> 1;
			case "wk" -> 7;
			case "mo" -> 30.4375;
			case "a" -> 365.25;
			default ->
				throw new IllegalArgumentException("DLT window unit must be d, wk, mo or a, was " + window.getCode());
		};
		return (int) Math.round(value.doubleValue() * daysPerUnit);
	}

	private static List<ProtocolDoseLevel> levels(ResearchStudy study) {
		List<ProtocolDoseLevel> levels = new ArrayList<>();
		for (Extension level : study.getExtensionsByUrl(TrialExtensions.DOSE_LEVEL)) {
			Extension ordinal = level.getExtensionByUrl(TrialExtensions.DoseLevel.ORDINAL);
			Extension dose = level.getExtensionByUrl(TrialExtensions.DoseLevel.DOSE);
			Extension arm = level.getExtensionByUrl(TrialExtensions.DoseLevel.ARM);
			if (ordinal == null || dose == null) {
				throw new IllegalArgumentException("a dose level lacks its ordinal or dose");
			}
			levels.add(new ProtocolDoseLevel(((IntegerType) ordinal.getValue()).getValue(), (Quantity) dose.getValue(),
					Optional.ofNullable(arm).map(a -> ((StringType) a.getValue()).getValue())));
		}
		levels.sort(Comparator.comparingInt(ProtocolDoseLevel::ordinal));
		return levels;
	}

	private static OptionalInt plannedEnrollment(ResearchStudy study) {
		Extension recruitment = study.getExtensionByUrl(TrialExtensions.RECRUITMENT);
		Extension target = (recruitment != null)
				? recruitment.getExtensionByUrl(TrialExtensions.Recruitment.TARGET_NUMBER) : null;
		return (target != null) ? OptionalInt.of(((IntegerType) target.getValue()).getValue()) : OptionalInt.empty();
	}

	/**
	 * @param ordinal dose-level ordinal
	 * @return that level
	 */
	public ProtocolDoseLevel level(int ordinal) {
		if (ordinal < 1 || ordinal > levels.size()) {
			throw new IllegalArgumentException(
					"no dose level " + ordinal + " (the study has 1.." + levels.size() + ")");
		}
		return levels.get(ordinal - 1);
	}

	/**
	 * @param armName an arm.name
	 * @return the ordinal of the level the arm treats
	 */
	public OptionalInt levelOfArm(String armName) {
		return levels.stream()
			.filter(l -> l.arm().filter(armName::equals).isPresent())
			.mapToInt(ProtocolDoseLevel::ordinal)
			.findFirst();
	}

}
