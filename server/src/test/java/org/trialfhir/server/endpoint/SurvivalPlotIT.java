package org.trialfhir.server.endpoint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.server.FhirServerIT;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $survival} as a Kaplan-Meier plot over HTTP: {@code _format=svg|png} returns the
 * raw image with its media type, drawn from the same analysis as the Parameters.
 */
class SurvivalPlotIT extends FhirServerIT {

	private final HttpClient http = HttpClient.newHttpClient();

	private HandBuiltTrial trial;

	@BeforeEach
	void storeTrial() {
		trial = HandBuiltTrial.store(client);
	}

	@Test
	void svgIsTheKaplanMeierPlotOfEveryArm() throws Exception {
		HttpResponse<byte[]> response = get("svg", "&" + TrialOperations.In.CONFIDENCE_BANDS + "=true");

		assertThat(response.statusCode()).as(() -> new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("image/svg+xml"));
		String svg = new String(response.body(), StandardCharsets.UTF_8);
		Document document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(response.body()));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(svg).contains("Overall survival").contains("RAK").contains("CONTROL").contains("log-rank p");
	}

	@Test
	void pngDecodesAsAnImage() throws Exception {
		HttpResponse<byte[]> response = get("image/png", "");

		assertThat(response.statusCode()).as(() -> new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("image/png"));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
		assertThat(image).isNotNull();
		assertThat(image.getWidth()).isGreaterThan(400);
	}

	@Test
	void withoutAPlotFormatTheResultIsParameters() throws Exception {
		HttpResponse<byte[]> response = get("json", "");

		assertThat(response.statusCode()).as(() -> new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8))
			.containsPattern("\"resourceType\"\\s*:\\s*\"Parameters\"");
	}

	private HttpResponse<byte[]> get(String format, String extra) throws IOException, InterruptedException {
		URI uri = URI.create(baseUrl() + "/" + trial.studyId.getValue() + "/" + TrialOperations.SURVIVAL
				+ "?endpoint=OS&cutoff=" + HandBuiltTrial.LATE_CUTOFF + "&_format=" + format + extra);
		return http.send(HttpRequest.newBuilder(uri).header("Authorization", bearer()).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

}
