package org.trialfhir.server.analysis.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialfhir.server.analysis.ReferenceTable.assertEstimate;
import static org.trialfhir.server.analysis.ReferenceTable.assertPValue;
import static org.trialfhir.server.analysis.ReferenceTable.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.server.analysis.ReferenceTable;

class CoxProportionalHazardsTests {

	private static final ReferenceTable MODELS = ReferenceTable.load("expected/cox_models.csv");

	private static final ReferenceTable COEFFICIENTS = ReferenceTable.load("expected/cox_coefficients.csv");

	static List<Map<String, String>> cases() {
		return MODELS.rows();
	}

	/** treated = 1 for the second group label, as the R script codes it. */
	static CoxData design(String dataSet, boolean withCovariate, boolean stratified) {
		List<Map<String, String>> rows = SurvivalDataSets.rows(dataSet);
		TreeSet<String> labels = new TreeSet<>();
		rows.forEach(r -> labels.add(r.get("group")));
		String treated = new ArrayList<>(labels).get(1);
		List<CoxSubject> subjects = new ArrayList<>();
		for (Map<String, String> r : rows) {
			if (stratified && r.get("stratum").equals("NA")) {
				continue;
			}
			double t = r.get("group").equals(treated) ? 1 : 0;
			double[] x = withCovariate ? new double[] { t, number(r, "covariate") } : new double[] { t };
			subjects.add(new CoxSubject(number(r, "time"), r.get("event").equals("1"),
					stratified ? r.get("stratum") : SurvivalObservation.NO_STRATUM, x));
		}
		return new CoxData(withCovariate ? List.of("treated", "covariate") : List.of("treated"), subjects);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void matchesCoxph(Map<String, String> expected) {
		String key = expected.get("case");
		TieMethod ties = expected.get("ties").equals("efron") ? TieMethod.EFRON : TieMethod.BRESLOW;
		CoxData data = design(expected.get("dataset"), expected.get("covariates").contains("covariate"),
				!expected.get("strata_column").equals("none"));
		CoxModel model = CoxProportionalHazards.withDefaults().with(ties).fit(data);
		assertThat(model.ties()).isEqualTo(ties);
		assertThat(model.subjects()).isEqualTo((int) number(expected, "n"));
		assertThat(model.events()).isEqualTo((int) number(expected, "events"));
		assertEstimate(number(expected, "loglik_null"), model.logLikelihoodNull(), key + " loglik[1]");
		assertEstimate(number(expected, "loglik"), model.logLikelihood(), key + " loglik[2]");
		assertEstimate(number(expected, "wald"), model.wald().statistic(), key + " Wald");
		assertPValue(number(expected, "wald_p"), model.wald().pValue(), key + " Wald p");
		assertEstimate(number(expected, "score"), model.score().statistic(), key + " score");
		assertPValue(number(expected, "score_p"), model.score().pValue(), key + " score p");
		assertEstimate(number(expected, "likelihood_ratio"), model.likelihoodRatio().statistic(), key + " LR");
		assertPValue(number(expected, "likelihood_ratio_p"), model.likelihoodRatio().pValue(), key + " LR p");
		assertThat(model.wald().degreesOfFreedom()).isEqualTo((int) number(expected, "df"));
		List<Map<String, String>> coefficients = COEFFICIENTS.rows(r -> r.get("case").equals(key));
		assertThat(model.coefficients()).hasSize(coefficients.size());
		for (int j = 0; j < coefficients.size(); j++) {
			Map<String, String> r = coefficients.get(j);
			CoxCoefficient c = model.coefficients().get(j);
			String at = key + " " + r.get("term");
			assertThat(c.covariate()).isEqualTo(r.get("term"));
			assertEstimate(number(r, "coef"), c.coefficient(), at + " coef");
			assertEstimate(number(r, "se"), c.standardError(), at + " se");
			assertEstimate(number(r, "hazard_ratio"), c.hazardRatio(), at + " HR");
			assertEstimate(number(r, "hr_lower"), c.hazardRatioInterval().lower(), at + " HR lower");
			assertEstimate(number(r, "hr_upper"), c.hazardRatioInterval().upper(), at + " HR upper");
			assertEstimate(number(r, "z"), c.z(), at + " z");
			assertPValue(number(r, "p_value"), c.pValue(), at + " p");
		}
	}

	@Test
	void scoreTestWithBreslowTiesEqualsLogRankWithoutTies() {
		// the veteran data have tied event times, so use distinct times
		List<SurvivalObservation> data = new ArrayList<>();
		double[] times = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
		for (int i = 0; i < times.length; i++) {
			data.add(SurvivalObservation.of(times[i], i % 3 != 0, i % 2 == 0 ? "A" : "B"));
		}
		CoxModel model = CoxProportionalHazards.withDefaults()
			.with(TieMethod.BRESLOW)
			.fit(CoxData.treatmentEffect(data, "B"));
		assertThat(model.score().statistic()).isCloseTo(LogRankTest.withDefaults().test(data).test().statistic(),
				org.assertj.core.data.Offset.offset(1e-10));
	}

	@Test
	void treatmentEffectFactoryCodesTheTreatedGroupAndKeepsStrata() {
		// the veteran observations carry celltype as stratum, so this is coxph(... ~
		// treated + strata(celltype))
		CoxModel model = CoxProportionalHazards.withDefaults()
			.fit(CoxData.treatmentEffect(SurvivalDataSets.observations("veteran"), "2"));
		Map<String, String> r = COEFFICIENTS.rows(x -> x.get("case").equals("veteran/efron/group/stratum")).get(0);
		assertEstimate(number(r, "coef"), model.coefficient("treated").coefficient(), "treated");
		assertThatThrownBy(() -> model.coefficient("age")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void rejectsDegenerateInput() {
		assertThatThrownBy(() -> CoxProportionalHazards.withDefaults()
			.fit(CoxData.treatmentEffect(SurvivalDataSets.observations("noevents"), "B")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("monotone likelihood");
		assertThatThrownBy(() -> CoxProportionalHazards.withDefaults()
			.fit(CoxData.treatmentEffect(SurvivalDataSets.observations("allcensored"), "B")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least one event");
		assertThatThrownBy(() -> CoxData.treatmentEffect(SurvivalDataSets.observations("single"), "B"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no subjects");
		List<CoxSubject> constant = List.of(new CoxSubject(1, true, "s", new double[] { 1 }),
				new CoxSubject(2, true, "s", new double[] { 1 }), new CoxSubject(3, false, "s", new double[] { 1 }));
		assertThatThrownBy(() -> CoxProportionalHazards.withDefaults().fit(new CoxData(List.of("x"), constant)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("singular");
		assertThatThrownBy(() -> new CoxSubject(1, true, "s", new double[] { Double.NaN }))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("finite");
		assertThatThrownBy(() -> new CoxData(List.of("x", "y"), constant)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("covariate values");
		assertThatThrownBy(() -> CoxProportionalHazards.withDefaults().withMaxIterations(0))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
