package org.trialfhir.server.plot;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;

import org.trialfhir.server.plot.Figure.Anchor;
import org.trialfhir.server.plot.Figure.Area;
import org.trialfhir.server.plot.Figure.CensorTick;
import org.trialfhir.server.plot.Figure.Colour;
import org.trialfhir.server.plot.Figure.Label;
import org.trialfhir.server.plot.Figure.Line;
import org.trialfhir.server.plot.Figure.Mark;
import org.trialfhir.server.plot.Figure.Point;

/**
 * Draws a {@link KaplanMeierPlot} into a PNG image with Java2D: an off-screen
 * {@link BufferedImage}, so it needs no display and works with
 * {@code java.awt.headless=true}. The figure is laid out in the same user units as the
 * SVG and scaled by {@link #scale()} pixels per unit (2 by default: a 1600-pixel-wide
 * image), antialiased, on a white background. Text uses the logical {@code SansSerif}
 * font, so glyphs depend on the fonts installed; on one machine the same plot gives the
 * same pixels.
 */
public final class KaplanMeierPng {

	/** The PNG media type. */
	public static final String MEDIA_TYPE = "image/png";

	private static final KaplanMeierPng DEFAULTS = new KaplanMeierPng(2);

	private final double scale;

	private KaplanMeierPng(double scale) {
		this.scale = scale;
	}

	/**
	 * @return the renderer at 2 pixels per user unit
	 */
	public static KaplanMeierPng withDefaults() {
		return DEFAULTS;
	}

	/**
	 * @param pixelsPerUnit pixels per SVG user unit, in (0, 8]
	 * @return a renderer at that scale
	 */
	public KaplanMeierPng withScale(double pixelsPerUnit) {
		if (!(pixelsPerUnit > 0 && pixelsPerUnit <= 8)) {
			throw new IllegalArgumentException("PNG scale must be in (0, 8], was " + pixelsPerUnit);
		}
		return new KaplanMeierPng(pixelsPerUnit);
	}

	/**
	 * @return pixels per user unit
	 */
	public double scale() {
		return scale;
	}

	/**
	 * @param plot what to draw
	 * @return the PNG file
	 */
	public byte[] render(KaplanMeierPlot plot) {
		BufferedImage image = image(plot);
		ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
		try {
			if (!ImageIO.write(image, "png", png)) {
				throw new IllegalStateException("no PNG writer available");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("writing the PNG failed", ex);
		}
		return png.toByteArray();
	}

	/**
	 * @param plot what to draw
	 * @return the drawn image (RGB)
	 */
	public BufferedImage image(KaplanMeierPlot plot) {
		Figure figure = KaplanMeierFigure.of(Objects.requireNonNull(plot, "plot"));
		int width = (int) Math.ceil(figure.width() * scale);
		int height = (int) Math.ceil(figure.height() * scale);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.scale(scale, scale);
			for (Mark mark : figure.marks()) {
				draw(g, mark);
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}

	private static void draw(Graphics2D g, Mark mark) {
		if (mark instanceof Line line) {
			g.setColor(colour(line.colour()));
			g.setStroke(new BasicStroke((float) line.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
			g.draw(path(line.points(), false));
		}
		else if (mark instanceof Area band) {
			Composite opaque = g.getComposite();
			g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) band.opacity()));
			g.setColor(colour(band.colour()));
			g.fill(path(band.points(), true));
			g.setComposite(opaque);
		}
		else if (mark instanceof CensorTick tick) {
			g.setColor(colour(tick.colour()));
			g.setStroke(new BasicStroke((float) tick.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
			Point at = tick.at();
			g.draw(path(List.of(new Point(at.x(), at.y() - tick.halfLength()),
					new Point(at.x(), at.y() + tick.halfLength())), false));
		}
		else if (mark instanceof Label label) {
			drawText(g, label);
		}
	}

	private static void drawText(Graphics2D g, Label label) {
		Font font = new Font(Font.SANS_SERIF, label.bold() ? Font.BOLD : Font.PLAIN, 1)
			.deriveFont((float) label.size());
		g.setFont(font);
		g.setColor(colour(label.colour()));
		double width = font.getStringBounds(label.text(), g.getFontRenderContext()).getWidth();
		double shift = label.anchor() == Anchor.START ? 0 : label.anchor() == Anchor.MIDDLE ? width / 2 : width;
		AffineTransform saved = g.getTransform();
		g.translate(label.at().x(), label.at().y());
		if (label.vertical()) {
			g.rotate(-Math.PI / 2);
		}
		g.drawString(label.text(), (float) -shift, 0f);
		g.setTransform(saved);
	}

	private static Path2D path(List<Point> points, boolean closed) {
		Path2D.Double path = new Path2D.Double();
		path.moveTo(points.get(0).x(), points.get(0).y());
		for (int i = 1; i < points.size(); i++) {
			path.lineTo(points.get(i).x(), points.get(i).y());
		}
		if (closed) {
			path.closePath();
		}
		return path;
	}

	private static Color colour(Colour colour) {
		return new Color(colour.rgb());
	}

}
