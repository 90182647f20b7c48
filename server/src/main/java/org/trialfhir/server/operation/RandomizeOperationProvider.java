package org.trialfhir.server.operation;

import java.time.LocalDate;
import java.util.Optional;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.trialfhir.profiles.TrialCodes.Stratum;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.In;
import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.randomization.ConcealedRandomization;
import org.trialfhir.server.randomization.RandomizationRefused;
import org.trialfhir.server.randomization.RandomizationRequest;
import org.trialfhir.server.blinding.CallerBlinding;

import org.springframework.stereotype.Component;

/**
 * {@code ResearchStudy/[id]/$randomize}: a new ResearchSubject for a Patient in a
 * stratum, with the next assignment of the concealed list
 * ({@link ConcealedRandomization}). The subject goes back through HAPI's normal response
 * path; for a blinded caller its arm is removed here as well ({@link CallerBlinding}) and
 * the resource carries the {@code MASKED} security label. Bad input is refused with 400,
 * a randomization the trial's rules forbid with 422; either way nothing is stored.
 */
@Component
class RandomizeOperationProvider implements TrialOperation {

	/** HL7 v3 ObservationValue: the resource has had information removed (masked). */
	static final Coding MASKED = new Coding("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "MASKED",
			"masked");

	private final ConcealedRandomization randomization;

	private final CallerBlinding blinding;

	RandomizeOperationProvider(ConcealedRandomization randomization, CallerBlinding blinding) {
		this.randomization = randomization;
		this.blinding = blinding;
	}

	@Operation(name = TrialOperations.RANDOMIZE, type = ResearchStudy.class, idempotent = false,
			returnParameters = { @OperationParam(name = Out.RETURN, typeName = "ResearchSubject", min = 1, max = 1) })
	@Description(shortDefinition = "Randomize a Patient from the concealed stratified permuted-block list")
	public ResearchSubject randomize(@IdParam IdType studyId,
			@OperationParam(name = In.PATIENT, typeName = "Reference", min = 1, max = 1) Reference patient,
			@OperationParam(name = In.STRATUM, typeName = "Coding", min = 1, max = 1) Coding stratum,
			@OperationParam(name = In.IDENTIFIER, typeName = "Identifier", min = 0, max = 1) Identifier identifier,
			@OperationParam(name = In.DATE, typeName = "date", min = 0, max = 1) DateType date,
			RequestDetails request) {
		RandomizationRequest parsed = new RandomizationRequest(studyId.getIdPart(), patientId(patient),
				stratum(stratum), Optional.ofNullable(identifier).map(Identifier::getValue),
				(date != null && date.getValue() != null)
						? LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay()) : LocalDate.now());
		ResearchSubject subject;
		try {
			subject = randomization.randomize(parsed).subject();
		}
		catch (RandomizationRefused ex) {
			throw new UnprocessableEntityException(ex.getMessage());
		}
		return blinding.isBlinded(request) ? masked(subject) : subject;
	}

	static ResearchSubject masked(ResearchSubject subject) {
		ResearchSubject copy = subject.copy();
		copy.setAssignedArm(null);
		copy.setActualArm(null);
		copy.getMeta().addSecurity(MASKED.copy());
		return copy;
	}

	private static String patientId(Reference patient) {
		if (patient == null || !patient.hasReference()) {
			throw new InvalidRequestException("Parameter '" + In.PATIENT + "' (Reference to a Patient) is required");
		}
		IdType id = new IdType(patient.getReference());
		if (!"Patient".equals(id.getResourceType()) || !id.hasIdPart() || id.isAbsolute()) {
			throw new InvalidRequestException(
					"Parameter '" + In.PATIENT + "' must be a local Patient reference, was " + patient.getReference());
		}
		return id.getIdPart();
	}

	private static Stratum stratum(Coding stratum) {
		if (stratum == null || !stratum.hasCode()) {
			throw new InvalidRequestException("Parameter '" + In.STRATUM + "' (Coding of the stratum) is required");
		}
		return Stratum.fromCode(stratum.getSystem(), stratum.getCode())
			.orElseThrow(() -> new InvalidRequestException("Unknown stratum " + stratum.getSystem() + "|"
					+ stratum.getCode() + ": expected one of the trial-stratum codes"));
	}

}
