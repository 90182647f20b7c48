/**
 * Authentication, roles, blinding and audit. So far: which HTTP paths need which
 * credentials.
 */
package org.trialfhir.server.security;
