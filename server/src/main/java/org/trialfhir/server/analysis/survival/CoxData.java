package org.trialfhir.server.analysis.survival;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Design of a Cox model: covariate names and subjects.
 *
 * @param covariateNames names of the covariates, at least one, distinct
 * @param subjects subjects, each with one value per covariate
 */
public record CoxData(List<String> covariateNames, List<CoxSubject> subjects) {

	/** Validates and copies. */
	public CoxData {
		covariateNames = List.copyOf(covariateNames);
		subjects = List.copyOf(subjects);
		if (covariateNames.isEmpty()) {
			throw new IllegalArgumentException("Cox model needs at least one covariate");
		}
		if (new HashSet<>(covariateNames).size() != covariateNames.size()) {
			throw new IllegalArgumentException("covariate names are not distinct: " + covariateNames);
		}
		if (subjects.isEmpty()) {
			throw new IllegalArgumentException("Cox model needs at least one subject");
		}
		for (CoxSubject s : subjects) {
			if (s.covariates().length != covariateNames.size()) {
				throw new IllegalArgumentException("subject has " + s.covariates().length
						+ " covariate values, expected " + covariateNames.size() + " " + covariateNames);
			}
		}
	}

	/**
	 * A treatment comparison: one covariate {@code treated}, 1 for subjects in
	 * {@code treatedGroup} and 0 for the others; strata are kept.
	 * @param observations observations of at least two groups
	 * @param treatedGroup the group coded 1
	 * @return the design
	 */
	public static CoxData treatmentEffect(List<SurvivalObservation> observations, String treatedGroup) {
		Objects.requireNonNull(treatedGroup, "treated group");
		boolean hasTreated = false;
		boolean hasControl = false;
		List<CoxSubject> subjects = new ArrayList<>(observations.size());
		for (SurvivalObservation o : observations) {
			boolean treated = o.group().equals(treatedGroup);
			hasTreated |= treated;
			hasControl |= !treated;
			subjects.add(new CoxSubject(o.time(), o.event(), o.stratum(), new double[] { treated ? 1 : 0 }));
		}
		if (!hasTreated) {
			throw new IllegalArgumentException("treated group '" + treatedGroup + "' has no subjects");
		}
		if (!hasControl) {
			throw new IllegalArgumentException("no subjects outside the treated group '" + treatedGroup + "'");
		}
		return new CoxData(List.of("treated"), subjects);
	}
}
