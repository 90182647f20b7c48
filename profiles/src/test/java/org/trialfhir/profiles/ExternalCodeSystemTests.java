package org.trialfhir.profiles;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * MedDRA and NCIt codes are accepted with a warning; the IG's closed code systems and
 * value sets still reject.
 */
class ExternalCodeSystemTests {

	@Test
	void meddraTermIsAcceptedWithAWarning() {
		ValidationResult result = TestValidators.trial().validate(adverseEvent());
		assertThat(errors(result)).isEmpty();
		assertThat(result.getMessages()).anySatisfy((m) -> {
			assertThat(m.getSeverity()).isEqualTo(ResultSeverityEnum.WARNING);
			assertThat(m.getMessage()).contains(TrialCodeSystems.MEDDRA + "#10001551").contains("not checked");
		});
	}

	@Test
	void anyMeddraCodeIsAccepted() {
		AdverseEvent event = adverseEvent();
		event.getEvent().getCodingFirstRep().setCode("99999999").setDisplay("Not a real term");
		assertThat(errors(TestValidators.trial().validate(event))).isEmpty();
	}

	@Test
	void ncitGradeInsideTheValueSetIsAcceptedAndOutsideRejected() {
		for (TrialCodes.CtcaeGrade grade : TrialCodes.CtcaeGrade.values()) {
			AdverseEvent event = adverseEvent();
			if (grade == TrialCodes.CtcaeGrade.GRADE_5) {
				event.getSeriousness().getCodingFirstRep().setCode(TrialCodes.AE_SERIOUS).setDisplay("Serious");
			}
			grade(event).setCode(grade.code()).setDisplay(grade.display());
			assertThat(errors(TestValidators.trial().validate(event))).as(grade.name()).isEmpty();
		}
		AdverseEvent event = adverseEvent();
		// C4870 is an NCIt code (complete response) but not a CTCAE grade
		grade(event).setCode(TrialCodes.RecistResponse.CR.code()).setDisplay("Complete Response");
		assertThat(errors(TestValidators.trial().validate(event)))
			.anySatisfy((m) -> assertThat(m.getMessage()).contains(TrialValueSets.CTCAE_GRADE));
	}

	@Test
	void unknownCodeOfAnOwnCodeSystemIsAnError() {
		AdverseEvent event = adverseEvent();
		event.getSuspectEntityFirstRep().getCausalityFirstRep().getAssessment().getCodingFirstRep().setCode("maybe");
		assertThat(errors(TestValidators.trial().validate(event))).anySatisfy((m) -> assertThat(m.getMessage())
			.contains("Unknown code '" + TrialCodeSystems.AE_ATTRIBUTION + "#maybe'"));
	}

	@Test
	void onlyR4IsSupported() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TrialValidationSupport.newValidationSupportChain(FhirContext.forR5Cached()));
	}

	private static AdverseEvent adverseEvent() {
		Resource example = IgPackage.examples()
			.stream()
			.filter((r) -> r.getIdElement().getIdPart().equals("ae-li-na-alt-increased-grade-3"))
			.findFirst()
			.orElseThrow();
		return (AdverseEvent) example.copy();
	}

	private static Coding grade(AdverseEvent event) {
		Extension grade = event.getExtensionByUrl(TrialExtensions.AE_GRADE);
		return ((org.hl7.fhir.r4.model.CodeableConcept) grade.getValue()).getCodingFirstRep();
	}

	private static List<SingleValidationMessage> errors(ValidationResult result) {
		return result.getMessages()
			.stream()
			.filter((m) -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
			.toList();
	}

}
