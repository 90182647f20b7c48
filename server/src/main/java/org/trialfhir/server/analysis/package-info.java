/**
 * Trial statistics in plain Java: survival ({@code survival}), binary endpoints
 * ({@code binary}), safety tables ({@code safety}), dose finding ({@code doseescalation})
 * and randomization lists ({@code randomization}).
 *
 * <p>
 * Every type here is an immutable record, enum or final class; inputs are validated by
 * static factories and compact constructors, which throw
 * {@link java.lang.IllegalArgumentException} naming the problem. Nothing in this package
 * depends on FHIR, HAPI, Spring or JPA (enforced by {@code AnalysisArchitectureTests});
 * distributions come from Apache Commons Statistics. Results are checked against R (see
 * {@code server/src/test/r/analysis-reference.R}).
 */
package org.trialfhir.server.analysis;
