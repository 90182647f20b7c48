package org.trialfhir.server.plot;

import java.util.ArrayList;
import java.util.List;

import org.trialfhir.server.analysis.ConfidenceInterval;
import org.trialfhir.server.analysis.survival.KaplanMeierCurve;
import org.trialfhir.server.analysis.survival.KaplanMeierStep;
import org.trialfhir.server.plot.Figure.Anchor;
import org.trialfhir.server.plot.Figure.Area;
import org.trialfhir.server.plot.Figure.Box;
import org.trialfhir.server.plot.Figure.CensorTick;
import org.trialfhir.server.plot.Figure.Colour;
import org.trialfhir.server.plot.Figure.Label;
import org.trialfhir.server.plot.Figure.Line;
import org.trialfhir.server.plot.Figure.Mark;
import org.trialfhir.server.plot.Figure.Point;
import org.trialfhir.server.plot.Figure.Role;

/**
 * Lays out a {@link KaplanMeierPlot} as a {@link Figure}: title and legend on top, the
 * plot area with the survival axis (0–100 %) and the time axis (0 to the horizon), and
 * the numbers-at-risk table under the time axis.
 *
 * <p>
 * Each curve is a right-continuous step function: it starts at {@code S = 1} at time 0,
 * stays flat until the next event time {@code t_i} and drops vertically there to
 * {@code S(t_i)}; it ends at the arm's last follow-up time or at the horizon, whichever
 * comes first. Censorings are marked by one vertical tick per distinct censoring time on
 * the curve (after the drop, as events at a time precede censorings at it). The optional
 * band shades the pointwise interval of each step over the step's flat segment; it is
 * interrupted where the interval is undefined (R's {@code NA}). The number at risk at a
 * tick time {@code t} is the number of subjects still followed at {@code t} (time
 * {@code >= t}), R's {@code summary(fit, times = t)$n.risk}.
 */
final class KaplanMeierFigure {

	static final double WIDTH = 800;

	static final double LEFT = 170;

	static final double RIGHT_MARGIN = 40;

	static final double PLOT_HEIGHT = 360;

	private static final double LINE_HEIGHT = 20;

	private static final double LEGEND_TOP = 64;

	private static final double CURVE_WIDTH = 2;

	private static final double BAND_OPACITY = 0.18;

	private static final int LEGEND_LABEL_LENGTH = 40;

	private static final int TABLE_LABEL_LENGTH = 18;

	private final KaplanMeierPlot plot;

	private final Box area;

	private final TimeTicks ticks;

	private final List<Mark> marks = new ArrayList<>();

	private KaplanMeierFigure(KaplanMeierPlot plot) {
		this.plot = plot;
		int legendLines = plot.arms().size() + (plot.comparison().isPresent() ? 1 : 0);
		double top = LEGEND_TOP + LINE_HEIGHT * (legendLines - 1) + 24;
		this.area = new Box(LEFT, top, WIDTH - LEFT - RIGHT_MARGIN, PLOT_HEIGHT);
		this.ticks = TimeTicks.forHorizon(plot.horizon(), plot.timeUnit());
	}

	/**
	 * @param plot what to draw
	 * @return the laid-out figure
	 */
	static Figure of(KaplanMeierPlot plot) {
		return new KaplanMeierFigure(plot).build();
	}

	private Figure build() {
		title();
		legend();
		grid();
		if (plot.confidenceBands()) {
			for (int arm = 0; arm < plot.arms().size(); arm++) {
				bands(arm);
			}
		}
		for (int arm = 0; arm < plot.arms().size(); arm++) {
			curve(arm);
		}
		for (int arm = 0; arm < plot.arms().size(); arm++) {
			censorTicks(arm);
		}
		axes();
		double tableBottom = numbersAtRisk();
		return new Figure(WIDTH, tableBottom + 16, area, marks);
	}

	private double x(double time) {
		return area.x() + time / plot.horizon() * area.width();
	}

	private double y(double survival) {
		return area.y() + (1 - survival) * area.height();
	}

	private void title() {
		marks.add(new Label(Role.TITLE, -1, new Point(WIDTH / 2, 34), plot.title(), Anchor.MIDDLE, 18, true, false,
				Colour.BLACK));
	}

	private void legend() {
		double baseline = LEGEND_TOP;
		for (int arm = 0; arm < plot.arms().size(); arm++) {
			PlotArm a = plot.arms().get(arm);
			Colour colour = ArmPalette.colour(arm);
			marks.add(new Line(Role.LEGEND_KEY, arm,
					List.of(new Point(LEFT, baseline - 4), new Point(LEFT + 24, baseline - 4)), colour, 3));
			marks.add(new Label(Role.LEGEND, arm, new Point(LEFT + 32, baseline),
					LegendText.arm(shortened(a.label(), LEGEND_LABEL_LENGTH), a.curve(), plot.timeUnit()), Anchor.START,
					13, false, false, Colour.BLACK));
			baseline += LINE_HEIGHT;
		}
		if (plot.comparison().isPresent()) {
			marks.add(new Label(Role.LEGEND, -1, new Point(LEFT + 32, baseline),
					LegendText.comparison(plot.comparison().get()), Anchor.START, 13, false, false, Colour.BLACK));
		}
	}

	private void grid() {
		for (int i = 1; i <= 5; i++) {
			double y = y(i / 5.0);
			marks.add(new Line(Role.GRID, -1, List.of(new Point(area.x(), y), new Point(area.right(), y)),
					Colour.LIGHT_GREY, 1));
		}
	}

	/** The time the curve of an arm ends: its last follow-up time, cut at the horizon. */
	private double end(KaplanMeierCurve curve) {
		List<KaplanMeierStep> steps = curve.steps();
		return Math.min(steps.get(steps.size() - 1).time(), plot.horizon());
	}

	private void curve(int arm) {
		KaplanMeierCurve curve = plot.arms().get(arm).curve();
		double end = end(curve);
		List<Point> points = new ArrayList<>();
		add(points, new Point(x(0), y(1)));
		double survival = 1;
		for (KaplanMeierStep step : curve.steps()) {
			if (step.time() > end) {
				break;
			}
			if (step.events() == 0) {
				continue;
			}
			add(points, new Point(x(step.time()), y(survival)));
			survival = step.survival();
			add(points, new Point(x(step.time()), y(survival)));
		}
		add(points, new Point(x(end), y(survival)));
		if (points.size() == 1) {
			points.add(points.get(0));
		}
		marks.add(new Line(Role.CURVE, arm, points, ArmPalette.colour(arm), CURVE_WIDTH));
	}

	private static void add(List<Point> points, Point point) {
		if (points.isEmpty() || !points.get(points.size() - 1).equals(point)) {
			points.add(point);
		}
	}

	private void censorTicks(int arm) {
		KaplanMeierCurve curve = plot.arms().get(arm).curve();
		double end = end(curve);
		for (KaplanMeierStep step : curve.steps()) {
			if (step.time() > end) {
				break;
			}
			if (step.censored() > 0) {
				marks.add(new CensorTick(arm, new Point(x(step.time()), y(step.survival())), 4, step.censored(),
						ArmPalette.colour(arm), 1.5));
			}
		}
	}

	private void bands(int arm) {
		KaplanMeierCurve curve = plot.arms().get(arm).curve();
		double end = end(curve);
		List<KaplanMeierStep> steps = curve.steps();
		List<Point> upper = new ArrayList<>();
		List<Point> lower = new ArrayList<>();
		for (int i = 0; i < steps.size() && steps.get(i).time() < end; i++) {
			KaplanMeierStep step = steps.get(i);
			double segmentEnd = i + 1 < steps.size() ? Math.min(steps.get(i + 1).time(), end) : end;
			ConfidenceInterval ci = step.interval();
			if (!ci.isDefined()) {
				band(arm, upper, lower);
				continue;
			}
			double high = clamp(ci.upper());
			double low = clamp(ci.lower());
			upper.add(new Point(x(step.time()), y(high)));
			upper.add(new Point(x(segmentEnd), y(high)));
			lower.add(new Point(x(step.time()), y(low)));
			lower.add(new Point(x(segmentEnd), y(low)));
		}
		band(arm, upper, lower);
	}

	/** Closes one run of defined intervals into a polygon and empties the run. */
	private void band(int arm, List<Point> upper, List<Point> lower) {
		if (!upper.isEmpty()) {
			List<Point> outline = new ArrayList<>(upper);
			for (int i = lower.size() - 1; i >= 0; i--) {
				outline.add(lower.get(i));
			}
			marks.add(new Area(Role.BAND, arm, outline, ArmPalette.colour(arm), BAND_OPACITY));
		}
		upper.clear();
		lower.clear();
	}

	private static double clamp(double survival) {
		return Math.max(0, Math.min(1, survival));
	}

	private void axes() {
		double bottom = area.bottom();
		marks.add(new Line(Role.AXIS, -1, List.of(new Point(area.x(), area.y()), new Point(area.x(), bottom)),
				Colour.BLACK, 1));
		marks.add(new Line(Role.AXIS, -1, List.of(new Point(area.x(), bottom), new Point(area.right(), bottom)),
				Colour.BLACK, 1));
		for (int i = 0; i <= 5; i++) {
			double survival = i / 5.0;
			double y = y(survival);
			marks.add(new Line(Role.TICK, -1, List.of(new Point(area.x() - 5, y), new Point(area.x(), y)), Colour.BLACK,
					1));
			marks.add(new Label(Role.TICK_LABEL, -1, new Point(area.x() - 8, y + 4), LegendText.percent(survival),
					Anchor.END, 12, false, false, Colour.BLACK));
		}
		for (double time : ticks.ticks()) {
			double x = x(time);
			marks
				.add(new Line(Role.TICK, -1, List.of(new Point(x, bottom), new Point(x, bottom + 5)), Colour.BLACK, 1));
			marks.add(new Label(Role.TICK_LABEL, -1, new Point(x, bottom + 20), LegendText.time(time), Anchor.MIDDLE,
					12, false, false, Colour.BLACK));
		}
		marks.add(new Label(Role.AXIS_TITLE, -1, new Point(area.x() + area.width() / 2, bottom + 42),
				"Time (" + LegendText.unitName(plot.timeUnit()) + ")", Anchor.MIDDLE, 13, false, false, Colour.BLACK));
		marks.add(new Label(Role.AXIS_TITLE, -1, new Point(area.x() - 52, area.y() + area.height() / 2),
				plot.endpointLabel(), Anchor.MIDDLE, 13, false, true, Colour.BLACK));
	}

	/**
	 * @return the baseline of the table's last row
	 */
	private double numbersAtRisk() {
		double baseline = area.bottom() + 72;
		marks.add(new Label(Role.AT_RISK_TITLE, -1, new Point(16, baseline), "Number at risk", Anchor.START, 12, true,
				false, Colour.BLACK));
		for (int arm = 0; arm < plot.arms().size(); arm++) {
			baseline += LINE_HEIGHT;
			PlotArm a = plot.arms().get(arm);
			Colour colour = ArmPalette.colour(arm);
			marks.add(new Label(Role.AT_RISK_LABEL, arm, new Point(area.x() - 24, baseline),
					shortened(a.label(), TABLE_LABEL_LENGTH), Anchor.END, 12, true, false, colour));
			for (double time : ticks.ticks()) {
				marks.add(new Label(Role.AT_RISK, arm, new Point(x(time), baseline),
						Integer.toString(atRisk(a.curve(), time)), Anchor.MIDDLE, 12, false, false, colour));
			}
		}
		return baseline;
	}

	/**
	 * @param curve a curve
	 * @param time a time {@code >= 0}
	 * @return subjects with follow-up time {@code >= time}
	 */
	static int atRisk(KaplanMeierCurve curve, double time) {
		for (KaplanMeierStep step : curve.steps()) {
			if (step.time() >= time) {
				return step.atRisk();
			}
		}
		return 0;
	}

	private static String shortened(String label, int length) {
		String single = label.strip().replaceAll("\\s+", " ");
		if (single.codePointCount(0, single.length()) <= length) {
			return single;
		}
		return single.substring(0, single.offsetByCodePoints(0, length - 1)) + "\u2026";
	}

}
