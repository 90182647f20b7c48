package org.trialfhir.server.operation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;
import org.trialfhir.profiles.TrialCode;
import org.trialfhir.profiles.TrialCodes.DoseDecision;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.In;
import org.trialfhir.profiles.TrialOperations.DoseLevelPart;
import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.analysis.doseescalation.DoseEscalationAction;
import org.trialfhir.server.analysis.doseescalation.DoseEscalationDecision;
import org.trialfhir.server.dosefinding.BoundaryTable;
import org.trialfhir.server.dosefinding.DoseEscalationAssessment;
import org.trialfhir.server.dosefinding.DoseEscalationProtocol;
import org.trialfhir.server.dosefinding.DoseEscalationRecords;
import org.trialfhir.server.dosefinding.DoseEscalationStatus;
import org.trialfhir.server.dosefinding.DoseLevelTally;

import org.springframework.stereotype.Component;

/**
 * {@code ResearchStudy/[id]/$dose-escalation}: per dose level treated, DLT-evaluable and
 * DLTs, the design's decision for the current level, the next dose level, whether the
 * stopping rule is reached and the MTD estimate ({@link DoseEscalationAssessment}); with
 * {@code boundaryTable=true} the design's printable decision table instead (a
 * {@code text/plain} Binary, served raw to a client that does not ask for FHIR). Part 1
 * is open label: results are never pooled.
 */
@Component
class DoseEscalationOperationProvider implements TrialOperation {

	private static final String TEXT_PLAIN = "text/plain";

	private final DoseEscalationRecords records;

	DoseEscalationOperationProvider(DoseEscalationRecords records) {
		this.records = records;
	}

	@Operation(name = TrialOperations.DOSE_ESCALATION, type = ResearchStudy.class, idempotent = true,
			returnParameters = { @OperationParam(name = Out.DOSE_LEVEL, min = 1, max = OperationParam.MAX_UNLIMITED),
					@OperationParam(name = Out.DECISION, typeName = "Coding", min = 0, max = 1),
					@OperationParam(name = Out.NEXT_DOSE_LEVEL, typeName = "integer", min = 0, max = 1),
					@OperationParam(name = Out.STOPPING_RULE_REACHED, typeName = "boolean", min = 1, max = 1),
					@OperationParam(name = Out.MTD, typeName = "integer", min = 0, max = 1) })
	@Description(shortDefinition = "Dose-escalation status: per-dose DLTs, decision, next dose, stopping rule, MTD")
	public IBaseResource doseEscalation(@IdParam IdType studyId,
			@OperationParam(name = In.CUTOFF, typeName = "date", min = 0, max = 1) DateType cutoff,
			@OperationParam(name = In.BOUNDARY_TABLE, typeName = "boolean", min = 0,
					max = 1) BooleanType boundaryTable) {
		ResearchStudy study = records.study(studyId);
		DoseEscalationProtocol protocol = protocol(study);
		if (boundaryTable != null && boundaryTable.booleanValue()) {
			Binary table = new Binary();
			table.setContentType(TEXT_PLAIN);
			table.setData(BoundaryTable.render(study.getTitle(), protocol).getBytes(StandardCharsets.UTF_8));
			return table;
		}
		LocalDate date = (cutoff != null && cutoff.getValue() != null)
				? LocalDate.of(cutoff.getYear(), cutoff.getMonth() + 1, cutoff.getDay()) : LocalDate.now();
		try {
			return parameters(DoseEscalationAssessment.assess(protocol, records.histories(study, protocol), date));
		}
		catch (IllegalArgumentException ex) {
			throw new UnprocessableEntityException("Cannot apply the dose-escalation design: " + ex.getMessage());
		}
	}

	private static DoseEscalationProtocol protocol(ResearchStudy study) {
		Optional<DoseEscalationProtocol> protocol;
		try {
			protocol = DoseEscalationProtocol.of(study);
		}
		catch (IllegalArgumentException ex) {
			throw new UnprocessableEntityException("Incomplete dose-escalation protocol: " + ex.getMessage());
		}
		return protocol.orElseThrow(() -> new InvalidRequestException(
				TrialOperations.DOSE_ESCALATION + " needs a dose-escalation study (part 1): ResearchStudy/"
						+ study.getIdElement().getIdPart() + " has no dose-escalation design"));
	}

	private static Parameters parameters(DoseEscalationStatus status) {
		Parameters out = new Parameters();
		out.addParameter().setName(Out.CUTOFF).setValue(new DateType(status.cutoff().toString()));
		out.addParameter().setName(Out.POOLED).setValue(new BooleanType(false));
		out.addParameter().setName(Out.DESIGN).setValue(coding(status.protocol().design()));
		status.protocol()
			.targetDltRate()
			.ifPresent(rate -> out.addParameter().setName(Out.TARGET_DLT_RATE).setValue(new DecimalType(rate)));
		out.addParameter().setName(Out.DLT_WINDOW_DAYS).setValue(new IntegerType(status.protocol().dltWindowDays()));
		for (DoseLevelTally tally : status.levels()) {
			ParametersParameterComponent level = out.addParameter().setName(Out.DOSE_LEVEL);
			level.addPart().setName(DoseLevelPart.ORDINAL).setValue(new IntegerType(tally.level().ordinal()));
			level.addPart().setName(DoseLevelPart.DOSE).setValue(tally.level().dose().copy());
			level.addPart().setName(DoseLevelPart.TREATED).setValue(new IntegerType(tally.treated()));
			level.addPart().setName(DoseLevelPart.DLT_EVALUABLE).setValue(new IntegerType(tally.dltEvaluable()));
			level.addPart().setName(DoseLevelPart.DLTS).setValue(new IntegerType(tally.dlts()));
			level.addPart().setName(DoseLevelPart.PENDING).setValue(new IntegerType(tally.pending()));
			tally.isotonicEstimate()
				.ifPresent(p -> level.addPart().setName(DoseLevelPart.ISOTONIC_ESTIMATE).setValue(new DecimalType(p)));
		}
		if (status.decision().isEmpty()) {
			// no current level and no decision yet: the first cohort starts at the lowest
			// dose
			out.addParameter().setName(Out.NEXT_DOSE_LEVEL).setValue(new IntegerType(1));
			out.addParameter()
				.setName(Out.REASON)
				.setValue(new StringType("no subject treated yet: start at dose level 1"));
			out.addParameter().setName(Out.STOPPING_RULE_REACHED).setValue(new BooleanType(false));
			return out;
		}
		DoseEscalationDecision decision = status.decision().get();
		out.addParameter().setName(Out.CURRENT_DOSE_LEVEL).setValue(new IntegerType(decision.currentDose()));
		out.addParameter().setName(Out.DECISION).setValue(coding(decision(decision.action())));
		decision.nextDose()
			.ifPresent(next -> out.addParameter().setName(Out.NEXT_DOSE_LEVEL).setValue(new IntegerType(next)));
		out.addParameter().setName(Out.REASON).setValue(new StringType(decision.reason()));
		out.addParameter()
			.setName(Out.STOPPING_RULE_REACHED)
			.setValue(new BooleanType(decision.action() == DoseEscalationAction.STOP));
		status.maximumToleratedDose()
			.ifPresent(mtd -> out.addParameter().setName(Out.MTD).setValue(new IntegerType(mtd)));
		return out;
	}

	private static DoseDecision decision(DoseEscalationAction action) {
		return switch (action) {
			case ESCALATE -> DoseDecision.ESCALATE;
			case STAY -> DoseDecision.STAY;
			case DE_ESCALATE -> DoseDecision.DE_ESCALATE;
			case ELIMINATE -> DoseDecision.ELIMINATE;
			case STOP -> DoseDecision.STOP;
		};
	}

	private static Coding coding(TrialCode code) {
		return new Coding(code.system(), code.code(), code.display());
	}

}
