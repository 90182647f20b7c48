package org.trialfhir.server.analysis.binary;

/**
 * A 2 x 2 contingency table {@code [[a, b], [c, d]]}: rows are groups, columns outcome
 * yes / no (R: {@code matrix(c(a, b, c, d), 2, byrow = TRUE)}).
 *
 * @param a row 1, column 1
 * @param b row 1, column 2
 * @param c row 2, column 1
 * @param d row 2, column 2
 */
public record TwoByTwoTable(int a, int b, int c, int d) {

	/** Validates the counts. */
	public TwoByTwoTable {
		if (a < 0 || b < 0 || c < 0 || d < 0) {
			throw new IllegalArgumentException(
					"table counts must be >= 0, got [[" + a + ", " + b + "], [" + c + ", " + d + "]]");
		}
		if ((long) a + b + c + d == 0) {
			throw new IllegalArgumentException("table is empty (all counts 0)");
		}
		if ((long) a + b + c + d > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("table total exceeds " + Integer.MAX_VALUE);
		}
	}

	/**
	 * @param events1 events in group 1
	 * @param subjects1 subjects in group 1
	 * @param events2 events in group 2
	 * @param subjects2 subjects in group 2
	 * @return {@code [[events1, subjects1 - events1], [events2, subjects2 - events2]]}
	 */
	public static TwoByTwoTable ofGroups(int events1, int subjects1, int events2, int subjects2) {
		BinomialProportion.requireCounts(events1, subjects1);
		BinomialProportion.requireCounts(events2, subjects2);
		return new TwoByTwoTable(events1, subjects1 - events1, events2, subjects2 - events2);
	}
}
