package org.trialfhir.server.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.trialfhir.server.analysis.survival.SurvivalObservation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class KaplanMeierSvgTests {

	/** Coordinates are written with two decimals. */
	private static final double COORDINATE_TOLERANCE = 0.005 + 1e-9;

	private static final KaplanMeierSvg SVG = KaplanMeierSvg.withDefaults();

	@Test
	void svgIsWellFormedXml() throws Exception {
		Document svg = parse(
				SVG.render(SmallTrial.plot().withConfidenceBands(true).withComparison(SmallTrial.comparison())));
		assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
		assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		assertThat(elements(svg, "polyline", "curve")).hasSize(2);
	}

	@Test
	void stepCurvesPassThroughTheHandComputedSurvival() throws Exception {
		Document svg = parse(SVG.render(SmallTrial.plot()));
		Element area = elements(svg, "rect", "plot-area").get(0);
		double left = number(area, "x");
		double top = number(area, "y");
		double width = number(area, "width");
		double height = number(area, "height");
		List<Element> curves = elements(svg, "polyline", "curve");
		double[][][] expected = { SmallTrial.ARM_A_CORNERS, SmallTrial.ARM_B_CORNERS };
		for (int arm = 0; arm < 2; arm++) {
			Element curve = curves.get(arm);
			assertThat(curve.getAttribute("data-arm")).isEqualTo(Integer.toString(arm));
			double[][] points = points(curve.getAttribute("points"));
			assertThat(points.length).as("corners of arm " + arm).isEqualTo(expected[arm].length);
			for (int i = 0; i < points.length; i++) {
				double time = expected[arm][i][0];
				double survival = expected[arm][i][1];
				assertThat(points[i][0]).as("x of corner %d of arm %d", i, arm)
					.isCloseTo(left + time / SmallTrial.HORIZON * width, within(COORDINATE_TOLERANCE));
				assertThat(points[i][1]).as("y of corner %d of arm %d (S = %s)", i, arm, survival)
					.isCloseTo(top + (1 - survival) * height, within(COORDINATE_TOLERANCE));
			}
		}
	}

	@Test
	void oneCensorTickPerCensoringTimeCountingEveryCensoredSubject() throws Exception {
		Document svg = parse(SVG.render(SmallTrial.plot()));
		List<Element> ticks = elements(svg, "line", "censor");
		for (int arm = 0; arm < 2; arm++) {
			String group = arm == 0 ? SmallTrial.ARM_A : SmallTrial.ARM_B;
			List<SurvivalObservation> censoredInView = SmallTrial.OBSERVATIONS.stream()
				.filter(o -> o.group().equals(group) && !o.event() && o.time() <= SmallTrial.HORIZON)
				.toList();
			String index = Integer.toString(arm);
			List<Element> armTicks = ticks.stream().filter(t -> t.getAttribute("data-arm").equals(index)).toList();
			int drawnCensored = armTicks.stream()
				.mapToInt(t -> Integer.parseInt(t.getAttribute("data-censored")))
				.sum();
			assertThat(drawnCensored).as("censored subjects of arm " + group).isEqualTo(censoredInView.size());
			assertThat(armTicks)
				.hasSize((int) censoredInView.stream().mapToDouble(SurvivalObservation::time).distinct().count());
		}
		// arm A: 2 censored, arm B: 3 within the horizon (130 is beyond it)
		assertThat(ticks.stream().mapToInt(t -> Integer.parseInt(t.getAttribute("data-censored"))).sum()).isEqualTo(5);
	}

	@Test
	void censorTicksSitOnTheCurve() throws Exception {
		Document svg = parse(SVG.render(SmallTrial.plot()));
		Element area = elements(svg, "rect", "plot-area").get(0);
		double top = number(area, "y");
		double height = number(area, "height");
		// arm A is censored at 20 (S = 4/5) and 50 (S = 4/15)
		List<Element> armA = elements(svg, "line", "censor").stream()
			.filter(t -> t.getAttribute("data-arm").equals("0"))
			.toList();
		assertThat(armA).hasSize(2);
		double[] survival = { 4.0 / 5, 4.0 / 15 };
		for (int i = 0; i < 2; i++) {
			double middle = (number(armA.get(i), "y1") + number(armA.get(i), "y2")) / 2;
			assertThat(middle).isCloseTo(top + (1 - survival[i]) * height, within(2 * COORDINATE_TOLERANCE));
		}
	}

	@Test
	void numbersAtRiskAreTheSubjectsStillFollowedAtEachTick() throws Exception {
		Document svg = parse(SVG.render(SmallTrial.plot()));
		Map<Double, Double> tickTimeByX = new TreeMap<>();
		Element area = elements(svg, "rect", "plot-area").get(0);
		double axisY = number(area, "y") + number(area, "height");
		for (Element label : elements(svg, "text", "tick-label")) {
			if (number(label, "y") > axisY + 10) {
				tickTimeByX.put(number(label, "x"), Double.parseDouble(label.getTextContent()));
			}
		}
		assertThat(tickTimeByX.values()).containsExactly(0.0, 30.0, 60.0, 90.0, 120.0);
		List<Element> atRisk = elements(svg, "text", "at-risk");
		assertThat(atRisk).hasSize(2 * tickTimeByX.size());
		for (Element cell : atRisk) {
			String group = cell.getAttribute("data-arm").equals("0") ? SmallTrial.ARM_A : SmallTrial.ARM_B;
			double time = tickTimeByX.get(number(cell, "x"));
			long followed = SmallTrial.OBSERVATIONS.stream()
				.filter(o -> o.group().equals(group) && o.time() >= time)
				.count();
			assertThat(Integer.parseInt(cell.getTextContent())).as("at risk in %s at %s", group, time)
				.isEqualTo(followed);
		}
		// and the table agrees with the estimator's own risk sets
		assertThat(KaplanMeierFigure.atRisk(SmallTrial.curves().get(1), 60)).isEqualTo(3);
	}

	@Test
	void armNamesAndTitleAreEscaped() throws Exception {
		String nasty = "<RAK & \"cells\"> 'arm'";
		KaplanMeierPlot plot = new KaplanMeierPlot("OS <interim> & final \u0001", "Survival & <more>",
				SmallTrial.plot().timeUnit(),
				List.of(new PlotArm(nasty, SmallTrial.curves().get(0)), new PlotArm("B", SmallTrial.curves().get(1))),
				false, java.util.Optional.empty(), SmallTrial.HORIZON);
		String text = SVG.render(plot);
		assertThat(text).doesNotContain("<RAK").doesNotContain("<interim>");
		Document svg = parse(text);
		assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getTextContent())
			.isEqualTo("OS <interim> & final \uFFFD");
		assertThat(elements(svg, "text", "legend").get(0).getTextContent()).startsWith(nasty + ": n = 5");
		assertThat(elements(svg, "text", "at-risk-label").get(0).getTextContent()).isEqualTo("<RAK & \"cells\"> '…");
		assertThat(elements(svg, "text", "axis-title").get(1).getTextContent()).isEqualTo("Survival & <more>");
	}

	@Test
	void legendShowsMediansHazardRatioAndLogRankP() throws Exception {
		Document svg = parse(SVG.render(SmallTrial.plot().withComparison(SmallTrial.comparison())));
		List<String> legend = elements(svg, "text", "legend").stream().map(Element::getTextContent).toList();
		assertThat(legend).hasSize(3);
		// arm A reaches S <= 0.5 first at 40 days
		assertThat(legend.get(0)).startsWith("A: n = 5, 3 events, median 40 days (95% CI ");
		// arm B first drops to S <= 0.5 (3/7) at 70 days
		assertThat(legend.get(1)).startsWith("B: n = 7, 3 events, median 70 days");
		assertThat(legend.get(2)).isEqualTo("B vs A: HR 0.62 (95% CI 0.41\u20130.93); log-rank p < 0.001");
	}

	@Test
	void confidenceBandsOnlyWhenAsked() throws Exception {
		assertThat(elements(parse(SVG.render(SmallTrial.plot())), "polygon", "band")).isEmpty();
		Document svg = parse(SVG.render(SmallTrial.plot().withConfidenceBands(true)));
		List<Element> bands = elements(svg, "polygon", "band");
		assertThat(bands).extracting(b -> b.getAttribute("data-arm")).contains("0", "1");
		Element area = elements(svg, "rect", "plot-area").get(0);
		for (Element band : bands) {
			for (double[] p : points(band.getAttribute("points"))) {
				assertThat(p[1]).isBetween(number(area, "y") - COORDINATE_TOLERANCE,
						number(area, "y") + number(area, "height") + COORDINATE_TOLERANCE);
			}
		}
	}

	@Test
	void curveDownToZeroEndsItsBandWhereTheIntervalIsUndefined() throws Exception {
		// everyone dies: S(30) = 0, where R's log interval is NA
		List<SurvivalObservation> allDie = List.of(SurvivalObservation.of(10, true, "X"),
				SurvivalObservation.of(20, true, "X"), SurvivalObservation.of(30, true, "X"));
		KaplanMeierPlot plot = KaplanMeierPlot
			.of("t", "OS", java.time.temporal.ChronoUnit.DAYS,
					List.of(PlotArm
						.of(org.trialfhir.server.analysis.survival.KaplanMeier.withDefaults().estimate(allDie).get(0))),
					60)
			.withConfidenceBands(true);
		String text = SVG.render(plot);
		assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
		Document svg = parse(text);
		Element area = elements(svg, "rect", "plot-area").get(0);
		double right = number(area, "x") + number(area, "width") * 30 / 60;
		double[][] curve = points(elements(svg, "polyline", "curve").get(0).getAttribute("points"));
		// the curve ends at the last time (30) on the time axis (S = 0)
		assertThat(curve[curve.length - 1][0]).isCloseTo(right, within(COORDINATE_TOLERANCE));
		assertThat(curve[curve.length - 1][1]).isCloseTo(number(area, "y") + number(area, "height"),
				within(COORDINATE_TOLERANCE));
		for (Element band : elements(svg, "polygon", "band")) {
			for (double[] p : points(band.getAttribute("points"))) {
				assertThat(p[0]).isLessThanOrEqualTo(right + COORDINATE_TOLERANCE);
			}
		}
		assertThat(elements(svg, "text", "legend").get(0).getTextContent())
			.isEqualTo("X: n = 3, 3 events, median 20 days (95% CI 10–NR)");
	}

	@Test
	void horizonBeforeTheFirstEventDrawsAFlatCurve() throws Exception {
		KaplanMeierPlot plot = KaplanMeierPlot.of("t", "OS", java.time.temporal.ChronoUnit.DAYS,
				SmallTrial.plot().arms(), 5);
		Document svg = parse(SVG.render(plot));
		for (Element curve : elements(svg, "polyline", "curve")) {
			double[][] points = points(curve.getAttribute("points"));
			assertThat(points.length).isEqualTo(2);
			assertThat(points[0][1]).isEqualTo(points[1][1]);
		}
		assertThat(elements(svg, "line", "censor")).isEmpty();
	}

	@Test
	void sameInputGivesTheSameDocument() {
		KaplanMeierPlot plot = SmallTrial.plot().withConfidenceBands(true).withComparison(SmallTrial.comparison());
		assertThat(SVG.render(plot)).isEqualTo(SVG.render(plot));
		assertThat(SVG.renderBytes(plot)).isEqualTo(SVG.renderBytes(plot));
	}

	static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		DocumentBuilder builder = factory.newDocumentBuilder();
		builder.setErrorHandler(null);
		return builder.parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	static List<Element> elements(Document svg, String tag, String cssClass) {
		NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
		List<Element> found = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			Element element = (Element) nodes.item(i);
			if (element.getAttribute("class").equals(cssClass)) {
				found.add(element);
			}
		}
		return found;
	}

	static double number(Element element, String attribute) {
		return Double.parseDouble(element.getAttribute(attribute));
	}

	private static double[][] points(String attribute) {
		String[] pairs = attribute.trim().split("\\s+");
		double[][] points = new double[pairs.length][];
		for (int i = 0; i < pairs.length; i++) {
			String[] xy = pairs[i].split(",");
			points[i] = new double[] { Double.parseDouble(xy[0]), Double.parseDouble(xy[1]) };
		}
		return points;
	}

}
