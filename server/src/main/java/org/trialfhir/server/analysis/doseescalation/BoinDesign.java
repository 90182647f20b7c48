package org.trialfhir.server.analysis.doseescalation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The Bayesian optimal interval (BOIN) design for single-agent dose finding (Liu &amp;
 * Yuan 2015, JRSS C 64:507).
 *
 * <p>
 * Boundaries, for target DLT rate {@code phi}, highest sub-therapeutic rate {@code phi1}
 * (default {@code 0.6 phi}) and lowest overly toxic rate {@code phi2} (default
 * {@code 1.4 phi}):
 * {@code lambda_e = log((1-phi1)/(1-phi)) / log(phi(1-phi1) / (phi1(1-phi)))} and
 * {@code lambda_d = log((1-phi)/(1-phi2)) / log(phi2(1-phi) / (phi(1-phi2)))} (phi =
 * 0.30: 0.236 and 0.358). With {@code y} DLTs among {@code n} patients at the current
 * dose: escalate if {@code y/n <= lambda_e}, de-escalate if {@code y/n >= lambda_d},
 * otherwise stay.
 *
 * <p>
 * Safety rule: with a Beta(1, 1) prior, a dose and all higher doses are eliminated when
 * {@code n >= 3} and {@code P(p > phi | y, n) > 0.95} (the cutoff is configurable); if
 * the lowest dose is eliminated the trial stops without an MTD. Here elimination is
 * evaluated from the cumulative data of every dose: the lowest dose meeting the rule and
 * all doses above it are eliminated. Edge cases: escalation at the highest dose or into
 * an eliminated dose becomes {@link DoseEscalationAction#STAY}; de-escalation at the
 * lowest dose becomes {@link DoseEscalationAction#STAY}; elimination of the current dose
 * gives {@link DoseEscalationAction#ELIMINATE} to the highest remaining dose, or
 * {@link DoseEscalationAction#STOP} if none remains.
 *
 * <p>
 * MTD selection follows BOIN's {@code select.mtd} (R package BOIN, Yan et al. 2020, JSS
 * 94(13)): among doses treated and not eliminated, the estimates
 * {@code (y + 0.05)/(n + 0.1)} are made non-decreasing by weighted
 * pool-adjacent-violators ({@link IsotonicRegression}) with weights the inverse posterior
 * variance under a Beta(0.05, 0.05) prior,
 * {@code (y+0.05)(n-y+0.05) / ((n+0.1)^2 (n+1.1))}; {@code i * 1e-10} is added to the
 * {@code i}-th admissible estimate to break ties, and the dose with the estimate closest
 * to {@code phi} is selected (so among tied estimates above the target the lowest dose
 * wins, below it the highest).
 */
public final class BoinDesign {

	private final double target;

	private final double underdosingRate;

	private final double overdosingRate;

	private final double eliminationCutoff;

	private BoinDesign(double target, double underdosingRate, double overdosingRate, double eliminationCutoff) {
		this.target = target;
		this.underdosingRate = underdosingRate;
		this.overdosingRate = overdosingRate;
		this.eliminationCutoff = eliminationCutoff;
	}

	/**
	 * @param targetToxicityRate target DLT rate {@code phi} in (0, 1)
	 * @return the design with {@code phi1 = 0.6 phi}, {@code phi2 = 1.4 phi}, elimination
	 * cutoff 0.95
	 */
	public static BoinDesign of(double targetToxicityRate) {
		return create(targetToxicityRate, 0.6 * targetToxicityRate, 1.4 * targetToxicityRate, 0.95);
	}

	/**
	 * @param phi1 highest DLT rate deemed sub-therapeutic, {@code 0 < phi1 < phi}
	 * @param phi2 lowest DLT rate deemed overly toxic, {@code phi < phi2 < 1}
	 * @return the design with these rates
	 */
	public BoinDesign withBoundaryRates(double phi1, double phi2) {
		return create(target, phi1, phi2, eliminationCutoff);
	}

	/**
	 * @param cutoff posterior probability above which a dose is eliminated, in (0, 1)
	 * @return the design with that cutoff
	 */
	public BoinDesign withEliminationCutoff(double cutoff) {
		return create(target, underdosingRate, overdosingRate, cutoff);
	}

	private static BoinDesign create(double phi, double phi1, double phi2, double cutoff) {
		if (!(phi > 0 && phi < 1)) {
			throw new IllegalArgumentException("target DLT rate must be in (0, 1), was " + phi);
		}
		if (!(phi1 > 0 && phi1 < phi)) {
			throw new IllegalArgumentException(
					"sub-therapeutic rate phi1 must be in (0, target " + phi + "), was " + phi1);
		}
		if (!(phi2 > phi && phi2 < 1)) {
			throw new IllegalArgumentException(
					"overly toxic rate phi2 must be in (target " + phi + ", 1), was " + phi2);
		}
		if (!(cutoff > 0 && cutoff < 1)) {
			throw new IllegalArgumentException("elimination cutoff must be in (0, 1), was " + cutoff);
		}
		return new BoinDesign(phi, phi1, phi2, cutoff);
	}

	/**
	 * @return the target DLT rate
	 */
	public double target() {
		return target;
	}

	/**
	 * @return the escalation boundary {@code lambda_e}
	 */
	public double lambdaEscalation() {
		return Math.log((1 - underdosingRate) / (1 - target))
				/ Math.log(target * (1 - underdosingRate) / (underdosingRate * (1 - target)));
	}

	/**
	 * @return the de-escalation boundary {@code lambda_d}
	 */
	public double lambdaDeescalation() {
		return Math.log((1 - target) / (1 - overdosingRate))
				/ Math.log(overdosingRate * (1 - target) / (target * (1 - overdosingRate)));
	}

	/**
	 * @param toxicities DLTs
	 * @param treated patients, at least 1
	 * @return {@code P(p > phi | y, n)} under a Beta(1, 1) prior
	 */
	public double probabilityAboveTarget(int toxicities, int treated) {
		DoseLevelOutcome d = new DoseLevelOutcome(treated, toxicities);
		return BetaDistribution.of(d.toxicities() + 1.0, d.treated() - d.toxicities() + 1.0)
			.survivalProbability(target);
	}

	private boolean meetsElimination(DoseLevelOutcome d) {
		return d.treated() >= 3 && probabilityAboveTarget(d.toxicities(), d.treated()) > eliminationCutoff;
	}

	/**
	 * The boundary table for 1 to {@code maxPatients} patients at a dose (BOIN's
	 * {@code get.boundary}).
	 * @param maxPatients largest number of patients, at least 1
	 * @return one boundary per number of patients
	 */
	public List<BoinBoundary> boundaries(int maxPatients) {
		if (maxPatients < 1) {
			throw new IllegalArgumentException("maximum number of patients must be >= 1, was " + maxPatients);
		}
		double le = lambdaEscalation();
		double ld = lambdaDeescalation();
		List<BoinBoundary> table = new ArrayList<>(maxPatients);
		for (int n = 1; n <= maxPatients; n++) {
			OptionalInt eliminate = OptionalInt.empty();
			if (n >= 3) {
				for (int y = 1; y <= n; y++) {
					if (meetsElimination(new DoseLevelOutcome(n, y))) {
						eliminate = OptionalInt.of(y);
						break;
					}
				}
			}
			int deescalate = (int) Math.ceil(ld * n);
			if (eliminate.isPresent() && deescalate > eliminate.getAsInt()) {
				deescalate = eliminate.getAsInt();
			}
			table.add(new BoinBoundary(n, (int) Math.floor(le * n), deescalate, eliminate));
		}
		return Collections.unmodifiableList(table);
	}

	/**
	 * @param doses cumulative outcomes per dose level
	 * @return the lowest eliminated dose level (1-based), or {@code doses.size() + 1} if
	 * none is eliminated
	 */
	int lowestEliminated(List<DoseLevelOutcome> doses) {
		for (int i = 0; i < doses.size(); i++) {
			if (meetsElimination(doses.get(i))) {
				return i + 1;
			}
		}
		return doses.size() + 1;
	}

	/**
	 * Decision after a cohort at {@code currentDose}.
	 * @param doses cumulative outcomes per dose level (index 0 = level 1)
	 * @param currentDose level (1-based) the last cohort received, with at least one
	 * patient
	 * @return the decision
	 */
	public DoseEscalationDecision decide(List<DoseLevelOutcome> doses, int currentDose) {
		List<DoseLevelOutcome> d = DoseLevels.require(doses);
		DoseLevelOutcome c = DoseLevels.current(d, currentDose);
		int eliminated = lowestEliminated(d);
		String observed = c.toxicities() + "/" + c.treated() + " DLT at dose level " + currentDose;
		if (eliminated <= currentDose) {
			if (eliminated == 1) {
				return DoseEscalationDecision.stop(currentDose, OptionalInt.empty(),
						observed + ": the lowest dose is eliminated (P(p > target) > " + eliminationCutoff
								+ "), stop without MTD");
			}
			return DoseEscalationDecision.go(DoseEscalationAction.ELIMINATE, currentDose, eliminated - 1, observed
					+ ": dose level " + eliminated + " and above eliminated, go to dose level " + (eliminated - 1));
		}
		int n = c.treated();
		int y = c.toxicities();
		if (y <= Math.floor(lambdaEscalation() * n)) {
			if (currentDose == d.size()) {
				return DoseEscalationDecision.go(DoseEscalationAction.STAY, currentDose, currentDose,
						observed + ": escalation indicated but this is the highest dose");
			}
			if (currentDose + 1 >= eliminated) {
				return DoseEscalationDecision.go(DoseEscalationAction.STAY, currentDose, currentDose,
						observed + ": escalation indicated but the next dose is eliminated");
			}
			return DoseEscalationDecision.go(DoseEscalationAction.ESCALATE, currentDose, currentDose + 1,
					observed + ": rate <= lambda_e, escalate");
		}
		if (y >= Math.ceil(lambdaDeescalation() * n)) {
			if (currentDose == 1) {
				return DoseEscalationDecision.go(DoseEscalationAction.STAY, currentDose, currentDose,
						observed + ": de-escalation indicated but this is the lowest dose");
			}
			return DoseEscalationDecision.go(DoseEscalationAction.DE_ESCALATE, currentDose, currentDose - 1,
					observed + ": rate >= lambda_d, de-escalate");
		}
		return DoseEscalationDecision.go(DoseEscalationAction.STAY, currentDose, currentDose,
				observed + ": rate between lambda_e and lambda_d, stay");
	}

	/**
	 * Selects the MTD at the end of the trial (BOIN's {@code select.mtd}, see the class
	 * description).
	 * @param doses cumulative outcomes per dose level
	 * @return the selection
	 */
	public MtdSelection selectMtd(List<DoseLevelOutcome> doses) {
		List<DoseLevelOutcome> d = DoseLevels.require(doses);
		int eliminated = lowestEliminated(d);
		List<Integer> admissible = new ArrayList<>();
		for (int i = 1; i < eliminated; i++) {
			if (d.get(i - 1).treated() > 0) {
				admissible.add(i);
			}
		}
		List<OptionalDouble> estimates = new ArrayList<>(Collections.nCopies(d.size(), OptionalDouble.empty()));
		if (eliminated == 1 || admissible.isEmpty()) {
			return new MtdSelection(OptionalInt.empty(), estimates);
		}
		int m = admissible.size();
		double[] p = new double[m];
		double[] w = new double[m];
		for (int k = 0; k < m; k++) {
			DoseLevelOutcome o = d.get(admissible.get(k) - 1);
			double y = o.toxicities() + 0.05;
			double n = o.treated() + 0.1;
			p[k] = y / n;
			w[k] = 1 / (y * (o.treated() - o.toxicities() + 0.05) / (n * n * (n + 1)));
		}
		double[] iso = IsotonicRegression.fit(p, w);
		int best = 0;
		double bestDistance = Double.POSITIVE_INFINITY;
		for (int k = 0; k < m; k++) {
			estimates.set(admissible.get(k) - 1, OptionalDouble.of(iso[k]));
			double distance = Math.abs(iso[k] + (k + 1) * 1e-10 - target);
			if (distance < bestDistance) {
				bestDistance = distance;
				best = k;
			}
		}
		return new MtdSelection(OptionalInt.of(admissible.get(best)), estimates);
	}

}
