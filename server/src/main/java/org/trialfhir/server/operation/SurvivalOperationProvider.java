package org.trialfhir.server.operation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialOperations.In;
import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.analysis.survival.ConfidenceType;
import org.trialfhir.server.analysis.survival.CoxCoefficient;
import org.trialfhir.server.analysis.survival.KaplanMeierStep;
import org.trialfhir.server.analysis.survival.LogRankResult;
import org.trialfhir.server.analysis.survival.TieMethod;
import org.trialfhir.server.endpoint.SurvivalEndpoint;
import org.trialfhir.server.endpoint.SurvivalEndpointAnalysis;
import org.trialfhir.server.endpoint.SurvivalReport;
import org.trialfhir.server.endpoint.SurvivalResults;
import org.trialfhir.server.operation.StudyAnalysisInput.StudyRequest;

import org.springframework.stereotype.Component;

import static org.trialfhir.server.operation.ResultParameters.bool;
import static org.trialfhir.server.operation.ResultParameters.decimal;
import static org.trialfhir.server.operation.ResultParameters.integer;
import static org.trialfhir.server.operation.ResultParameters.interval;
import static org.trialfhir.server.operation.ResultParameters.number;
import static org.trialfhir.server.operation.ResultParameters.string;

/**
 * {@code ResearchStudy/[id]/$survival}: Kaplan-Meier per arm, log-rank test and Cox
 * hazard ratio of OS, PFS or TTP (see {@link SurvivalEndpointAnalysis}), through the
 * version-checked result cache of {@link SurvivalResults}.
 */
@Component
public class SurvivalOperationProvider implements TrialOperation {

	private final StudyAnalysisInput input;

	private final SurvivalResults results;

	SurvivalOperationProvider(StudyAnalysisInput input, SurvivalResults results) {
		this.input = input;
		this.results = results;
	}

	/**
	 * @param studyId the randomized study
	 * @param endpoint OS, PFS or TTP
	 * @param cutoff data cut-off (default today)
	 * @param horizon days for S(horizon) and RMST (default the endpoint's time frame)
	 * @param stratified stratify log-rank and Cox by randomization stratum
	 * @param ties efron (default) or breslow
	 * @param ciTransform log (default) or log-log
	 * @param request the request
	 * @return the analysis
	 */
	@Operation(name = TrialOperations.SURVIVAL, type = ResearchStudy.class, idempotent = true,
			returnParameters = { @OperationParam(name = Out.ENDPOINT, typeName = "code", min = 1, max = 1),
					@OperationParam(name = Out.CUTOFF, typeName = "date", min = 1, max = 1),
					@OperationParam(name = Out.ARM, min = 1, max = OperationParam.MAX_UNLIMITED),
					@OperationParam(name = Out.LOG_RANK, min = 0, max = 1),
					@OperationParam(name = Out.HAZARD_RATIO, min = 0, max = 1) })
	@Description(shortDefinition = "Kaplan-Meier, log-rank and Cox analysis of OS, PFS or TTP per arm")
	public IBaseResource survival(@IdParam IdType studyId,
			@OperationParam(name = In.ENDPOINT, typeName = "code", min = 1, max = 1) CodeType endpoint,
			@OperationParam(name = In.CUTOFF, typeName = "date", min = 0, max = 1) DateType cutoff,
			@OperationParam(name = In.HORIZON, typeName = "integer", min = 0, max = 1) IntegerType horizon,
			@OperationParam(name = In.STRATIFIED, typeName = "boolean", min = 0, max = 1) BooleanType stratified,
			@OperationParam(name = In.TIES, typeName = "code", min = 0, max = 1) CodeType ties,
			@OperationParam(name = In.CI_TRANSFORM, typeName = "code", min = 0, max = 1) CodeType ciTransform,
			@OperationParam(name = In.CONFIDENCE_BANDS, typeName = "boolean", min = 0,
					max = 1) BooleanType confidenceBands,
			RequestDetails request) {
		SurvivalEndpoint analysed = endpoint(endpoint);
		TieMethod tieMethod = ties(ties);
		ConfidenceType confidenceType = confidenceType(ciTransform);
		if (horizon != null && horizon.getValue() != null && horizon.getValue() <= 0) {
			throw new InvalidRequestException(
					"Parameter '" + In.HORIZON + "' must be a positive number of days, was " + horizon.getValue());
		}
		StudyRequest study = input.study(studyId, cutoff, request);
		int days = (horizon != null && horizon.getValue() != null) ? horizon.getValue()
				: study.design().timeFrameDays(analysed.code());
		boolean strata = isTrue(stratified);
		SurvivalEndpointAnalysis analysis = new SurvivalEndpointAnalysis(analysed, days, strata, study.pooled(),
				tieMethod, confidenceType);
		SurvivalReport report = results.report(study.design(), study.cutoff(), analysis,
				(snapshot) -> input.checkCutoff(study, snapshot.firstRandomization()));
		Optional<SurvivalPlotFormat> plot = SurvivalPlotFormat.requested(request);
		if (plot.isPresent()) {
			return plot.get().render(report, isTrue(confidenceBands));
		}
		return toParameters(report);
	}

	private static boolean isTrue(BooleanType flag) {
		return flag != null && Boolean.TRUE.equals(flag.getValue());
	}

	private static SurvivalEndpoint endpoint(CodeType endpoint) {
		if (endpoint == null || endpoint.getValue() == null) {
			throw new InvalidRequestException("Parameter '" + In.ENDPOINT + "' is required: one of "
					+ Arrays.toString(SurvivalEndpoint.values()));
		}
		return SurvivalEndpoint.fromCode(endpoint.getValue())
			.orElseThrow(() -> new InvalidRequestException("Parameter '" + In.ENDPOINT + "': unknown endpoint '"
					+ endpoint.getValue() + "', expected one of " + Arrays.toString(SurvivalEndpoint.values())));
	}

	private static TieMethod ties(CodeType ties) {
		if (ties == null || ties.getValue() == null) {
			return TieMethod.EFRON;
		}
		return switch (ties.getValue()) {
			case "efron" -> TieMethod.EFRON;
			case "breslow" -> TieMethod.BRESLOW;
			default -> throw new InvalidRequestException(
					"Parameter '" + In.TIES + "': expected efron or breslow, was '" + ties.getValue() + "'");
		};
	}

	private static ConfidenceType confidenceType(CodeType transform) {
		if (transform == null || transform.getValue() == null) {
			return ConfidenceType.LOG;
		}
		return switch (transform.getValue()) {
			case "log" -> ConfidenceType.LOG;
			case "log-log" -> ConfidenceType.LOG_LOG;
			default -> throw new InvalidRequestException(
					"Parameter '" + In.CI_TRANSFORM + "': expected log or log-log, was '" + transform.getValue() + "'");
		};
	}

	private static Parameters toParameters(SurvivalReport report) {
		Parameters parameters = ResultParameters.header(report.cutoff(), report.pooled(), report.subjects(),
				report.resources());
		parameters.addParameter().setName(Out.ENDPOINT).setValue(new CodeType(report.endpoint().name()));
		parameters.addParameter().setName(Out.HORIZON).setValue(new IntegerType(report.horizon()));
		report.arms().forEach((arm) -> arm(parameters.addParameter().setName(Out.ARM), arm));
		report.logRank().ifPresent((test) -> logRank(parameters.addParameter().setName(Out.LOG_RANK), test));
		report.hazardRatio().ifPresent((hr) -> hazardRatio(parameters.addParameter().setName(Out.HAZARD_RATIO), hr));
		report.notes().forEach((note) -> parameters.addParameter().setName(Out.NOTE).setValue(new StringType(note)));
		return parameters;
	}

	private static void arm(ParametersParameterComponent group, SurvivalReport.ArmSurvival arm) {
		string(group, Out.NAME, arm.arm());
		integer(group, "subjects", arm.curve().subjects());
		integer(group, "events", arm.curve().events());
		integer(group, "censored", arm.curve().subjects() - arm.curve().events());
		arm.median().median().ifPresent((m) -> decimal(group, "median", m));
		arm.median().lower().ifPresent((m) -> decimal(group, "medianLower", m));
		arm.median().upper().ifPresent((m) -> decimal(group, "medianUpper", m));
		arm.atHorizon().ifPresent((s) -> {
			decimal(group, "survivalAtHorizon", s.survival());
			interval(group, "survivalAtHorizonLower", "survivalAtHorizonUpper", s.interval());
		});
		decimal(group, "rmst", arm.restrictedMean().mean());
		decimal(group, "rmstStdErr", arm.restrictedMean().standardError());
		for (KaplanMeierStep step : arm.curve().steps()) {
			string(group, "step", String.join(";", number(step.time()), Integer.toString(step.atRisk()),
					Integer.toString(step.events()), Integer.toString(step.censored()), number(step.survival()),
					number(step.standardError()), number(step.interval().lower()), number(step.interval().upper())));
		}
	}

	private static void logRank(ParametersParameterComponent group, LogRankResult test) {
		decimal(group, "chiSquare", test.test().statistic());
		integer(group, "degreesOfFreedom", test.test().degreesOfFreedom());
		decimal(group, "pValue", test.test().pValue());
		bool(group, "stratified", test.stratified());
	}

	private static void hazardRatio(ParametersParameterComponent group, SurvivalReport.HazardRatio hr) {
		CoxCoefficient coefficient = hr.coefficient();
		string(group, "comparison", hr.comparison());
		decimal(group, "estimate", coefficient.hazardRatio());
		interval(group, "lower", "upper", coefficient.hazardRatioInterval());
		decimal(group, "pValue", coefficient.pValue());
		group.addPart().setName("ties").setValue(new CodeType(hr.ties().name().toLowerCase(Locale.ROOT)));
		bool(group, "stratified", hr.stratified());
	}

}
