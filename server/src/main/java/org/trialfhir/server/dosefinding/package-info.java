/**
 * Part 1 of the trial, dose finding: reads the dose-escalation protocol of a study (dose
 * levels, design, target DLT rate, DLT window) and the subjects' DLT histories from the
 * FHIR store, and applies the design of
 * {@link org.trialfhir.server.analysis.doseescalation} to them.
 */
package org.trialfhir.server.dosefinding;
