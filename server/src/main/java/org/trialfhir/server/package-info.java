/**
 * TrialFHIR server: Spring Boot application hosting a HAPI FHIR JPA R4 server at
 * {@code /fhir}. Sub-packages are grouped by capability: {@code config} (Spring/HAPI
 * wiring only), {@code analysis} (pure statistics), {@code endpoint}, {@code operation}
 * and {@code security}.
 */
package org.trialfhir.server;
