/**
 * Spring and HAPI FHIR wiring: database and JPA, the FHIR servlet, request limits,
 * operations endpoints and the start-up report. No trial logic lives here.
 */
package org.trialfhir.server.config;
