package org.trialfhir.server.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.trialfhir.server.plot.Figure.Box;

class KaplanMeierPngTests {

	private static final int ARM_A_BLUE = 0x0072B2;

	private static final int ARM_B_VERMILLION = 0xD55E00;

	@Test
	void rendersHeadless() {
		assertThat(GraphicsEnvironment.isHeadless()).as("java.awt.headless").isTrue();
		assertThat(KaplanMeierPng.withDefaults().render(SmallTrial.plot())).isNotEmpty();
	}

	@Test
	void decodesWithTheFigureSizeTimesTheScale() throws Exception {
		KaplanMeierPlot plot = SmallTrial.plot().withComparison(SmallTrial.comparison());
		Figure figure = KaplanMeierFigure.of(plot);
		BufferedImage image = decode(KaplanMeierPng.withDefaults().render(plot));
		assertThat(image.getWidth()).isEqualTo(1600);
		assertThat(image.getHeight()).isEqualTo((int) Math.ceil(figure.height() * 2));
		BufferedImage small = decode(KaplanMeierPng.withDefaults().withScale(1).render(plot));
		assertThat(small.getWidth()).isEqualTo(800);
	}

	@Test
	void curvesAreDrawnInTheirArmColoursWhereTheyRun() throws Exception {
		KaplanMeierPlot plot = SmallTrial.plot();
		Box area = KaplanMeierFigure.of(plot).plotArea();
		double scale = 2;
		BufferedImage image = decode(KaplanMeierPng.withDefaults().render(plot));
		// arm A is flat at 4/15 between 40 and 50 days, arm B at 3/7 between 70 and 120
		assertThat(rgb(image, area, scale, 45, 4.0 / 15)).isEqualTo(ARM_A_BLUE);
		assertThat(rgb(image, area, scale, 95, 3.0 / 7)).isEqualTo(ARM_B_VERMILLION);
		assertThat(rgb(image, area, scale, 5, 1)).isIn(ARM_A_BLUE, ARM_B_VERMILLION);
		// no curve where none runs: arm A has ended by 95 days
		assertThat(rgb(image, area, scale, 95, 4.0 / 15)).isEqualTo(0xFFFFFF);
		Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < image.getHeight(); y += 3) {
			for (int x = 0; x < image.getWidth(); x += 3) {
				colours.add(image.getRGB(x, y) & 0xFFFFFF);
			}
		}
		assertThat(colours).as("not blank").contains(0xFFFFFF, ARM_A_BLUE, ARM_B_VERMILLION).hasSizeGreaterThan(10);
	}

	@Test
	void sameInputGivesTheSamePixelsAndBytes() throws Exception {
		KaplanMeierPlot plot = SmallTrial.plot().withConfidenceBands(true).withComparison(SmallTrial.comparison());
		byte[] first = KaplanMeierPng.withDefaults().render(plot);
		byte[] second = KaplanMeierPng.withDefaults().render(plot);
		assertThat(second).isEqualTo(first);
		BufferedImage a = decode(first);
		BufferedImage b = KaplanMeierPng.withDefaults().image(plot);
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				if (a.getRGB(x, y) != b.getRGB(x, y)) {
					throw new AssertionError("pixel " + x + "," + y + " differs");
				}
			}
		}
	}

	@Test
	void rejectsAbsurdScales() {
		assertThatThrownBy(() -> KaplanMeierPng.withDefaults().withScale(0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> KaplanMeierPng.withDefaults().withScale(Double.NaN))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static int rgb(BufferedImage image, Box area, double scale, double time, double survival) {
		double x = area.x() + time / SmallTrial.HORIZON * area.width();
		double y = area.y() + (1 - survival) * area.height();
		return image.getRGB((int) Math.floor(x * scale), (int) Math.floor(y * scale)) & 0xFFFFFF;
	}

	private static BufferedImage decode(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image).as("decodable PNG").isNotNull();
		return image;
	}

}
