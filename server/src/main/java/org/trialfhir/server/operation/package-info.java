/**
 * The trial's FHIR operations, one class per operation: each parses its parameters, calls
 * the endpoint projection and the analysis library, and builds the {@code Parameters} (or
 * resource) it returns.
 */
package org.trialfhir.server.operation;
