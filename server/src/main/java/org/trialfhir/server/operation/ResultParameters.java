package org.trialfhir.server.operation;

import java.time.LocalDate;
import java.util.List;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.StringType;
import org.trialfhir.profiles.TrialOperations.Out;
import org.trialfhir.server.analysis.ConfidenceInterval;
import org.trialfhir.server.endpoint.SubjectEndpoints;

/**
 * Writes operation results into {@code Parameters}: the common header (cut-off, pooled,
 * subjects and resources used) and typed parts. Non-finite numbers (e.g. an undefined
 * confidence limit) are left out, as FHIR decimals cannot carry them.
 */
final class ResultParameters {

	private ResultParameters() {
	}

	/**
	 * @param cutoff data cut-off used
	 * @param pooled whether arms are pooled
	 * @param subjects the subjects the result is computed from
	 * @return Parameters with the common header
	 */
	static Parameters header(LocalDate cutoff, boolean pooled, List<SubjectEndpoints> subjects) {
		return header(cutoff, pooled, subjects.size(), subjects.stream().mapToInt(SubjectEndpoints::resources).sum());
	}

	/**
	 * @param cutoff data cut-off used
	 * @param pooled whether arms are pooled
	 * @param subjects number of subjects the result is computed from
	 * @param resources resources their facts were derived from
	 * @return Parameters with the common header
	 */
	static Parameters header(LocalDate cutoff, boolean pooled, int subjects, int resources) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName(Out.CUTOFF).setValue(new DateType(cutoff.toString()));
		parameters.addParameter().setName(Out.POOLED).setValue(new BooleanType(pooled));
		parameters.addParameter().setName(Out.SUBJECTS).setValue(new IntegerType(subjects));
		parameters.addParameter().setName(Out.RESOURCES).setValue(new IntegerType(resources));
		return parameters;
	}

	static ParametersParameterComponent group(Parameters parameters, String name) {
		return parameters.addParameter().setName(name);
	}

	static void integer(ParametersParameterComponent group, String name, int value) {
		group.addPart().setName(name).setValue(new IntegerType(value));
	}

	static void string(ParametersParameterComponent group, String name, String value) {
		group.addPart().setName(name).setValue(new StringType(value));
	}

	static void bool(ParametersParameterComponent group, String name, boolean value) {
		group.addPart().setName(name).setValue(new BooleanType(value));
	}

	static void decimal(ParametersParameterComponent group, String name, double value) {
		if (Double.isFinite(value)) {
			group.addPart().setName(name).setValue(new DecimalType(value));
		}
	}

	static void interval(ParametersParameterComponent group, String lowerName, String upperName,
			ConfidenceInterval interval) {
		decimal(group, lowerName, interval.lower());
		decimal(group, upperName, interval.upper());
	}

	/**
	 * @param value a number
	 * @return its shortest exact text, {@code NA} when not finite
	 */
	static String number(double value) {
		return Double.isFinite(value) ? Double.toString(value) : "NA";
	}

}
