package org.trialfhir.server.plot;

import java.util.List;

import org.trialfhir.server.plot.Figure.Colour;

/**
 * Arm colours from the Okabe–Ito palette, distinguishable with the common forms of colour
 * blindness (Okabe &amp; Ito 2008, "Color Universal Design"; Wong 2011, Nature Methods
 * 8:441). Yellow is left out: it is too light for lines on white.
 */
final class ArmPalette {

	private static final List<Colour> COLOURS = List.of(Colour.hex(0x0072B2), Colour.hex(0xD55E00),
			Colour.hex(0x009E73), Colour.hex(0xCC79A7), Colour.hex(0xE69F00), Colour.hex(0x56B4E9), Colour.BLACK);

	/** Number of distinct arm colours. */
	static final int SIZE = 7;

	private ArmPalette() {
	}

	/**
	 * @param arm arm index, {@code 0 <= arm < SIZE}
	 * @return the arm's colour
	 */
	static Colour colour(int arm) {
		return COLOURS.get(arm);
	}

}
