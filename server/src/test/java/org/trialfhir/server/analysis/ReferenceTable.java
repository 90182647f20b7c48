package org.trialfhir.server.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the CSV files written by {@code server/src/test/r/analysis-reference.R} (comment
 * lines start with {@code #}; {@code NA} is R's missing value, read as NaN) and compares
 * numbers with R's values.
 */
public final class ReferenceTable {

	/** Relative tolerance for estimates. */
	public static final double RELATIVE = 1e-6;

	/** Absolute tolerance for p-values. */
	public static final double P_VALUE = 1e-6;

	private final String name;

	private final List<Map<String, String>> rows;

	private ReferenceTable(String name, List<Map<String, String>> rows) {
		this.name = name;
		this.rows = rows;
	}

	/**
	 * @param resource path below {@code analysis/}, e.g. {@code expected/km_curves.csv}
	 * @return the table
	 */
	public static ReferenceTable load(String resource) {
		String path = "/analysis/" + resource;
		try (InputStream in = ReferenceTable.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource " + path);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String[] header = null;
			List<Map<String, String>> rows = new ArrayList<>();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String[] cells = line.split(",", -1);
				if (header == null) {
					header = cells;
					continue;
				}
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < header.length; i++) {
					row.put(header[i], cells[i]);
				}
				rows.add(row);
			}
			if (rows.isEmpty()) {
				throw new IllegalStateException("no rows in " + path);
			}
			return new ReferenceTable(resource, rows);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * @return all rows
	 */
	public List<Map<String, String>> rows() {
		return rows;
	}

	/**
	 * @param filter row filter
	 * @return matching rows (at least one)
	 */
	public List<Map<String, String>> rows(Predicate<Map<String, String>> filter) {
		List<Map<String, String>> r = rows.stream().filter(filter).toList();
		if (r.isEmpty()) {
			fail("no matching rows in " + name);
		}
		return r;
	}

	/**
	 * @param row row
	 * @param column column
	 * @return the number ({@code NA} is NaN, {@code Inf} is infinity)
	 */
	public static double number(Map<String, String> row, String column) {
		String v = row.get(column);
		if (v == null) {
			throw new IllegalStateException("no column " + column + " in " + row);
		}
		return switch (v) {
			case "NA", "NaN" -> Double.NaN;
			case "Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(v);
		};
	}

	/**
	 * Asserts R's value within {@link #RELATIVE} (NaN and infinities must match exactly).
	 */
	public static void assertRelative(double expected, double actual, String what) {
		assertNumber(expected, actual, RELATIVE * Math.max(Math.abs(expected), 1e-300), what);
	}

	/**
	 * Asserts R's value; an absolute tolerance is used when R's value is below
	 * {@code 1e-9}.
	 */
	public static void assertEstimate(double expected, double actual, String what) {
		assertNumber(expected, actual, Math.max(RELATIVE * Math.abs(expected), 1e-12), what);
	}

	/** Asserts a p-value within {@link #P_VALUE} absolute. */
	public static void assertPValue(double expected, double actual, String what) {
		assertNumber(expected, actual, P_VALUE, what);
	}

	private static void assertNumber(double expected, double actual, double tolerance, String what) {
		if (Double.isNaN(expected) || Double.isInfinite(expected)) {
			assertEquals(expected, actual, what + " (R: " + expected + ")");
			return;
		}
		assertTrue(Double.isFinite(actual), what + ": expected " + expected + " but was " + actual);
		assertEquals(expected, actual, tolerance, what);
	}

}
