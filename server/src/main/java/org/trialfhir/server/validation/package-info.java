/**
 * The data contract, enforced: the trial implementation guide is installed into the
 * server at start (its conformance resources stored and searchable, its SearchParameters
 * active), and every create or update of a profiled resource, also inside transactions,
 * is validated against its Trial profile before anything is stored.
 */
package org.trialfhir.server.validation;
