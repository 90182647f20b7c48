package org.trialfhir.server.operation;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Binary;
import org.trialfhir.server.endpoint.SurvivalReport;
import org.trialfhir.server.plot.KaplanMeierPlot;
import org.trialfhir.server.plot.KaplanMeierPng;
import org.trialfhir.server.plot.KaplanMeierSvg;
import org.trialfhir.server.plot.PlotArm;
import org.trialfhir.server.plot.TreatmentComparison;

/**
 * The picture form of {@code $survival}: with {@code _format=svg} (or
 * {@code image/svg+xml}) or {@code _format=png} (or {@code image/png}) the operation
 * returns the Kaplan-Meier plot as a {@link Binary}, which HAPI streams as the raw image
 * with its media type. A pooled (blinded) report draws one pooled curve and no
 * comparison.
 */
enum SurvivalPlotFormat {

	/** Scalable vector graphics. */
	SVG("svg", KaplanMeierSvg.MEDIA_TYPE),

	/** Portable network graphics. */
	PNG("png", KaplanMeierPng.MEDIA_TYPE);

	private final String shortName;

	private final String mediaType;

	SurvivalPlotFormat(String shortName, String mediaType) {
		this.shortName = shortName;
		this.mediaType = mediaType;
	}

	/**
	 * @param request the request
	 * @return the plot format asked for by {@code _format}, if any
	 */
	static Optional<SurvivalPlotFormat> requested(RequestDetails request) {
		String[] formats = request.getParameters().get(Constants.PARAM_FORMAT);
		if (formats == null) {
			return Optional.empty();
		}
		return Arrays.stream(formats)
			.map((format) -> format.trim().toLowerCase(Locale.ROOT))
			.flatMap((format) -> Arrays.stream(values())
				.filter((candidate) -> candidate.shortName.equals(format) || candidate.mediaType.equals(format)))
			.findFirst();
	}

	/**
	 * @param report the analysis
	 * @param confidenceBands shade the pointwise confidence intervals
	 * @return the plot as an image
	 */
	Binary render(SurvivalReport report, boolean confidenceBands) {
		KaplanMeierPlot plot = plot(report, confidenceBands);
		byte[] image = (this == SVG) ? KaplanMeierSvg.withDefaults().renderBytes(plot)
				: KaplanMeierPng.withDefaults().render(plot);
		Binary binary = new Binary();
		binary.setContentType(mediaType);
		binary.setData(image);
		return binary;
	}

	private static KaplanMeierPlot plot(SurvivalReport report, boolean confidenceBands) {
		List<PlotArm> arms = report.arms().stream().map((arm) -> new PlotArm(arm.arm(), arm.curve())).toList();
		String label = report.endpoint().code().display();
		KaplanMeierPlot plot = KaplanMeierPlot
			.of(label + ", data cut-off " + report.cutoff(), label, ChronoUnit.DAYS, arms, report.horizon())
			.withConfidenceBands(confidenceBands);
		if (report.hazardRatio().isPresent() && report.logRank().isPresent()) {
			SurvivalReport.HazardRatio hr = report.hazardRatio().get();
			plot = plot
				.withComparison(TreatmentComparison.of(hr.comparison(), hr.coefficient(), report.logRank().get()));
		}
		return plot;
	}

}
