package org.trialfhir.server.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.trialfhir.server.plot.Figure.Area;
import org.trialfhir.server.plot.Figure.Box;
import org.trialfhir.server.plot.Figure.CensorTick;
import org.trialfhir.server.plot.Figure.Label;
import org.trialfhir.server.plot.Figure.Line;
import org.trialfhir.server.plot.Figure.Mark;
import org.trialfhir.server.plot.Figure.Point;

/**
 * Writes a {@link KaplanMeierPlot} as a standalone SVG 1.1 document (UTF-8). Every mark
 * carries a {@code class} naming what it is ({@code curve}, {@code censor}, {@code band},
 * {@code at-risk}, …) and, where it belongs to an arm, {@code data-arm} (the arm's
 * index); censoring ticks also carry {@code data-censored}, the subjects censored at that
 * time. Text is XML-escaped, and characters XML 1.0 does not allow are replaced by
 * U+FFFD. Coordinates are rounded to two decimals, so the same plot always gives the same
 * text.
 */
public final class KaplanMeierSvg {

	/** The SVG media type. */
	public static final String MEDIA_TYPE = "image/svg+xml";

	private static final KaplanMeierSvg DEFAULTS = new KaplanMeierSvg();

	private static final String FONTS = "DejaVu Sans, Helvetica, Arial, sans-serif";

	private KaplanMeierSvg() {
	}

	/**
	 * @return the SVG writer
	 */
	public static KaplanMeierSvg withDefaults() {
		return DEFAULTS;
	}

	/**
	 * @param plot what to draw
	 * @return the SVG document
	 */
	public String render(KaplanMeierPlot plot) {
		Figure figure = KaplanMeierFigure.of(Objects.requireNonNull(plot, "plot"));
		StringBuilder svg = new StringBuilder(16_384);
		svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
			.append(attribute("width", figure.width()))
			.append(attribute("height", figure.height()))
			.append(" viewBox=\"0 0 ")
			.append(number(figure.width()))
			.append(' ')
			.append(number(figure.height()))
			.append("\" font-family=\"")
			.append(FONTS)
			.append("\">\n");
		svg.append("<title>").append(escape(plot.title())).append("</title>\n");
		svg.append("<rect class=\"background\" x=\"0\" y=\"0\"")
			.append(attribute("width", figure.width()))
			.append(attribute("height", figure.height()))
			.append(" fill=\"#ffffff\"/>\n");
		Box area = figure.plotArea();
		svg.append("<rect class=\"plot-area\"")
			.append(attribute("x", area.x()))
			.append(attribute("y", area.y()))
			.append(attribute("width", area.width()))
			.append(attribute("height", area.height()))
			.append(" fill=\"none\" stroke=\"none\"/>\n");
		for (Mark mark : figure.marks()) {
			append(svg, mark);
		}
		return svg.append("</svg>\n").toString();
	}

	/**
	 * @param plot what to draw
	 * @return the SVG document encoded in UTF-8
	 */
	public byte[] renderBytes(KaplanMeierPlot plot) {
		return render(plot).getBytes(StandardCharsets.UTF_8);
	}

	private static void append(StringBuilder svg, Mark mark) {
		if (mark instanceof Line line) {
			svg.append("<polyline")
				.append(classes(mark))
				.append(" points=\"")
				.append(points(line.points()))
				.append("\" fill=\"none\" stroke=\"")
				.append(line.colour().hex())
				.append('"')
				.append(attribute("stroke-width", line.width()))
				.append(" stroke-linejoin=\"miter\"/>\n");
		}
		else if (mark instanceof Area band) {
			svg.append("<polygon")
				.append(classes(mark))
				.append(" points=\"")
				.append(points(band.points()))
				.append("\" fill=\"")
				.append(band.colour().hex())
				.append('"')
				.append(attribute("fill-opacity", band.opacity()))
				.append(" stroke=\"none\"/>\n");
		}
		else if (mark instanceof CensorTick tick) {
			svg.append("<line")
				.append(classes(mark))
				.append(" data-censored=\"")
				.append(tick.censored())
				.append('"')
				.append(attribute("x1", tick.at().x()))
				.append(attribute("y1", tick.at().y() - tick.halfLength()))
				.append(attribute("x2", tick.at().x()))
				.append(attribute("y2", tick.at().y() + tick.halfLength()))
				.append(" stroke=\"")
				.append(tick.colour().hex())
				.append('"')
				.append(attribute("stroke-width", tick.width()))
				.append("/>\n");
		}
		else if (mark instanceof Label label) {
			appendText(svg, label);
		}
	}

	private static void appendText(StringBuilder svg, Label label) {
		svg.append("<text")
			.append(classes(label))
			.append(attribute("x", label.at().x()))
			.append(attribute("y", label.at().y()))
			.append(" text-anchor=\"")
			.append(label.anchor().svgName())
			.append('"')
			.append(attribute("font-size", label.size()));
		if (label.bold()) {
			svg.append(" font-weight=\"bold\"");
		}
		svg.append(" fill=\"").append(label.colour().hex()).append('"');
		if (label.vertical()) {
			svg.append(" transform=\"rotate(-90 ")
				.append(number(label.at().x()))
				.append(' ')
				.append(number(label.at().y()))
				.append(")\"");
		}
		svg.append('>').append(escape(label.text())).append("</text>\n");
	}

	private static String classes(Mark mark) {
		String arm = mark.arm() >= 0 ? " data-arm=\"" + mark.arm() + "\"" : "";
		return " class=\"" + mark.role().cssClass() + "\"" + arm;
	}

	private static String points(List<Point> points) {
		StringBuilder text = new StringBuilder(points.size() * 14);
		for (Point p : points) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(number(p.x())).append(',').append(number(p.y()));
		}
		return text.toString();
	}

	private static String attribute(String name, double value) {
		return " " + name + "=\"" + number(value) + "\"";
	}

	/**
	 * @param value a coordinate
	 * @return it rounded to two decimals, without trailing zeros
	 */
	static String number(double value) {
		String text = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
		return "-0".equals(text) ? "0" : text;
	}

	/**
	 * Escapes text for XML content and attributes.
	 * @param text any text
	 * @return the text with {@code & < > " '} escaped and characters not allowed in XML
	 * 1.0 replaced by U+FFFD
	 */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&apos;");
				default -> escaped.appendCodePoint(allowedInXml(c) ? c : 0xFFFD);
			}
		});
		return escaped.toString();
	}

	private static boolean allowedInXml(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

}
