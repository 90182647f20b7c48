package org.trialfhir.server.analysis.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.trialfhir.server.analysis.ChiSquareTest;
import org.trialfhir.server.analysis.SymmetricMatrix;

/**
 * The log-rank test of equal hazards in {@code k >= 2} groups (Mantel 1966; Peto &amp;
 * Peto 1972), optionally stratified, matching R's
 * {@code survdiff(Surv(time, event) ~ group [+ strata(s)])} ({@code rho = 0}).
 *
 * <p>
 * At each distinct event time {@code t} (within a stratum) with {@code d} events among
 * {@code n} at risk, {@code n_j} of them in group {@code j}: {@code E_j += d n_j / n} and
 * {@code V_jk += d (n - d) / (n - 1) * (n_j / n) * (delta_jk - n_k / n)} (hypergeometric
 * variance; a time with {@code n = 1} adds nothing to {@code V}). Stratified: {@code O},
 * {@code E} and {@code V} are summed over strata. The statistic is
 * {@code (O - E)' V^- (O - E)} computed, as R does, on the groups with {@code E > 0}
 * after dropping the first of them; its degrees of freedom are that number of groups
 * minus 1. Ties: all events at a time enter together; subjects censored at {@code t} are
 * at risk at {@code t}.
 *
 * <p>
 * Throws {@link IllegalArgumentException} for fewer than two groups, no events at all, or
 * fewer than two groups at risk at any event time (R then returns a chi-square of 0 on
 * {@code <= 0} degrees of freedom and an NA p-value).
 */
public final class LogRankTest {

	private static final LogRankTest DEFAULTS = new LogRankTest();

	private LogRankTest() {
	}

	/**
	 * @return the (only) log-rank test configuration
	 */
	public static LogRankTest withDefaults() {
		return DEFAULTS;
	}

	/**
	 * Unstratified test; strata of the observations are ignored.
	 * @param observations observations of at least two groups
	 * @return the test result
	 */
	public LogRankResult test(List<SurvivalObservation> observations) {
		return run(observations, false);
	}

	/**
	 * Test stratified by the observations' strata.
	 * @param observations observations of at least two groups
	 * @return the test result
	 */
	public LogRankResult testStratified(List<SurvivalObservation> observations) {
		return run(observations, true);
	}

	private LogRankResult run(List<SurvivalObservation> observations, boolean stratified) {
		Objects.requireNonNull(observations, "observations");
		if (observations.isEmpty()) {
			throw new IllegalArgumentException("no observations for the log-rank test");
		}
		LabelIndex groups = LabelIndex.of(observations, SurvivalObservation::group);
		int k = groups.labels().size();
		if (k < 2) {
			throw new IllegalArgumentException("log-rank test needs at least two groups, got " + groups.labels());
		}
		int n = observations.size();
		int[] stratum = stratified ? LabelIndex.of(observations, SurvivalObservation::stratum).indexOf() : new int[n];
		double[] time = new double[n];
		boolean[] event = new boolean[n];
		int[] group = groups.indexOf();
		for (int i = 0; i < n; i++) {
			time[i] = observations.get(i).time();
			event[i] = observations.get(i).event();
		}
		int[] order = SortedIndex.order(stratum, time, event);

		int[] subjects = new int[k];
		double[] observed = new double[k];
		double[] expected = new double[k];
		double[][] variance = new double[k][k];
		int[] atRisk = new int[k];
		int[] deaths = new int[k];
		int[] leaving = new int[k];
		int start = 0;
		while (start < n) {
			int s = stratum[order[start]];
			int end = start;
			while (end < n && stratum[order[end]] == s) {
				atRisk[group[order[end]]]++;
				subjects[group[order[end]]]++;
				end++;
			}
			int total = end - start;
			int i = start;
			while (i < end) {
				double t = time[order[i]];
				int d = 0;
				int left = 0;
				while (i < end && time[order[i]] == t) {
					int g = group[order[i]];
					if (event[order[i]]) {
						deaths[g]++;
						d++;
					}
					leaving[g]++;
					left++;
					i++;
				}
				if (d > 0) {
					addEventTime(atRisk, deaths, d, total, observed, expected, variance);
				}
				for (int g = 0; g < k; g++) {
					atRisk[g] -= leaving[g];
					leaving[g] = 0;
					deaths[g] = 0;
				}
				total -= left;
			}
			start = end;
		}
		List<LogRankGroup> result = new ArrayList<>(k);
		for (int g = 0; g < k; g++) {
			result.add(new LogRankGroup(groups.labels().get(g), subjects[g], observed[g], expected[g]));
		}
		return new LogRankResult(result, variance, chiSquare(observed, expected, variance), stratified);
	}

	private static void addEventTime(int[] atRisk, int[] deaths, int d, int total, double[] observed, double[] expected,
			double[][] variance) {
		int k = atRisk.length;
		double nTotal = total;
		double factor = total > 1 ? d * (nTotal - d) / (nTotal - 1) : 0;
		for (int j = 0; j < k; j++) {
			observed[j] += deaths[j];
			double pj = atRisk[j] / nTotal;
			expected[j] += d * pj;
			if (factor != 0 && atRisk[j] > 0) {
				for (int l = 0; l < k; l++) {
					double pl = atRisk[l] / nTotal;
					variance[j][l] += factor * pj * ((j == l ? 1 : 0) - pl);
				}
			}
		}
	}

	private static ChiSquareTest chiSquare(double[] observed, double[] expected, double[][] variance) {
		double totalEvents = 0;
		for (double o : observed) {
			totalEvents += o;
		}
		if (totalEvents == 0) {
			throw new IllegalArgumentException("log-rank test is undefined: no events in any group");
		}
		List<Integer> used = new ArrayList<>();
		for (int g = 0; g < expected.length; g++) {
			if (expected[g] > 0) {
				used.add(g);
			}
		}
		if (used.size() < 2) {
			throw new IllegalArgumentException(
					"log-rank test is undefined: fewer than two groups have subjects at risk at an event time");
		}
		int m = used.size() - 1;
		double[] diff = new double[m];
		double[][] v = new double[m][m];
		for (int a = 0; a < m; a++) {
			int ga = used.get(a + 1);
			diff[a] = observed[ga] - expected[ga];
			for (int b = 0; b < m; b++) {
				v[a][b] = variance[ga][used.get(b + 1)];
			}
		}
		double statistic = SymmetricMatrix.of(v, "log-rank variance matrix").inverseQuadraticForm(diff);
		return ChiSquareTest.of(statistic, m);
	}

}
