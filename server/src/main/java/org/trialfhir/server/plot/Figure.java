package org.trialfhir.server.plot;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A laid-out plot as a list of marks in drawing order, in user units (SVG pixels) with
 * the origin at the top left and y growing downwards. Renderers only translate marks into
 * their format; all geometry is decided once, when the figure is built.
 *
 * @param width figure width
 * @param height figure height
 * @param plotArea the rectangle the curves are drawn in (time 0 at its left edge,
 * survival 1 at its top edge)
 * @param marks marks in drawing order
 */
record Figure(double width, double height, Box plotArea, List<Mark> marks) {

	Figure {
		Objects.requireNonNull(plotArea, "plot area");
		marks = List.copyOf(marks);
	}

	/** A point in user units. */
	record Point(double x, double y) {
	}

	/** An axis-aligned rectangle in user units. */
	record Box(double x, double y, double width, double height) {

		double bottom() {
			return y + height;
		}

		double right() {
			return x + width;
		}

	}

	/** An opaque sRGB colour. */
	record Colour(int red, int green, int blue) {

		static final Colour BLACK = new Colour(0, 0, 0);

		static final Colour GREY = new Colour(0x66, 0x66, 0x66);

		static final Colour LIGHT_GREY = new Colour(0xDD, 0xDD, 0xDD);

		static Colour hex(int rgb) {
			return new Colour((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
		}

		int rgb() {
			return (red << 16) | (green << 8) | blue;
		}

		String hex() {
			return String.format(Locale.ROOT, "#%06x", rgb());
		}

	}

	/** What a mark means, used as its SVG class. */
	enum Role {

		TITLE, LEGEND, LEGEND_KEY, GRID, AXIS, TICK, TICK_LABEL, AXIS_TITLE, BAND, CURVE, CENSOR, AT_RISK_TITLE,
		AT_RISK_LABEL, AT_RISK;

		String cssClass() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/** Horizontal text alignment relative to the anchor point. */
	enum Anchor {

		START, MIDDLE, END;

		String svgName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** One drawn element. */
	sealed interface Mark permits Line, Area, Label, CensorTick {

		/**
		 * @return what the mark means
		 */
		Role role();

		/**
		 * @return the arm the mark belongs to, or -1
		 */
		int arm();

	}

	/**
	 * An open polyline.
	 *
	 * @param role meaning
	 * @param arm arm index or -1
	 * @param points at least two points
	 * @param colour stroke colour
	 * @param width stroke width
	 */
	record Line(Role role, int arm, List<Point> points, Colour colour, double width) implements Mark {

		Line {
			points = List.copyOf(points);
		}

	}

	/**
	 * A filled, translucent polygon.
	 *
	 * @param role meaning
	 * @param arm arm index or -1
	 * @param points the outline
	 * @param colour fill colour
	 * @param opacity fill opacity in (0, 1]
	 */
	record Area(Role role, int arm, List<Point> points, Colour colour, double opacity) implements Mark {

		Area {
			points = List.copyOf(points);
		}

	}

	/**
	 * A line of text; {@code at} is the anchor point on the baseline.
	 *
	 * @param role meaning
	 * @param arm arm index or -1
	 * @param at anchor point
	 * @param text the text, unescaped
	 * @param anchor alignment
	 * @param size font size
	 * @param bold bold weight
	 * @param vertical rotated 90° counter-clockwise about {@code at}
	 * @param colour text colour
	 */
	record Label(Role role, int arm, Point at, String text, Anchor anchor, double size, boolean bold, boolean vertical,
			Colour colour) implements Mark {

	}

	/**
	 * The vertical tick marking the censorings of one arm at one time.
	 *
	 * @param arm arm index
	 * @param at point on the curve
	 * @param halfLength half the tick length
	 * @param censored subjects censored at this time
	 * @param colour stroke colour
	 * @param width stroke width
	 */
	record CensorTick(int arm, Point at, double halfLength, int censored, Colour colour, double width) implements Mark {

		@Override
		public Role role() {
			return Role.CENSOR;
		}

	}

}
