/**
 * Publication-quality Kaplan–Meier plots, drawn from the curves of
 * {@link org.trialfhir.server.analysis.survival.KaplanMeier}: step curves starting at
 * {@code S(0) = 1}, censoring ticks, optional pointwise confidence bands, a
 * numbers-at-risk table under the time axis and a legend with medians, the hazard ratio
 * and the log-rank p-value.
 *
 * <p>
 * {@link org.trialfhir.server.plot.KaplanMeierPlot} describes what to draw;
 * {@link org.trialfhir.server.plot.KaplanMeierSvg} writes it as SVG and
 * {@link org.trialfhir.server.plot.KaplanMeierPng} as PNG (Java2D, works headless). Both
 * draw the same {@code Figure} laid out once by {@code KaplanMeierFigure}, so the two
 * formats agree mark for mark. Output is deterministic: the same plot gives the same SVG
 * text and the same PNG pixels. Plain Java: no FHIR, HAPI, Spring or JPA imports.
 */
package org.trialfhir.server.plot;
