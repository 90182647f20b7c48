/**
 * Authentication, roles and audit; blinding is {@code org.trialfhir.server.blinding}.
 * <ul>
 * <li>{@code HttpSecurityConfiguration}: bearer JWTs (development issuer or external
 * OpenID Connect provider), {@code 401} with an OperationOutcome;</li>
 * <li>{@code TrialAuthorization} + {@code RolePermissions} + {@code SmartScopes}: what a
 * caller may do (roles intersected with SMART scopes), HAPI's AuthorizationInterceptor;
 * </li>
 * <li>blinding (masking, blinded searches and writes): the
 * {@code org.trialfhir.server.blinding} package, wired in
 * {@code FhirSecurityConfiguration};</li>
 * <li>{@code AuditTrail}: HAPI's BALP AuditEvents plus refused requests, immutable;</li>
 * <li>{@code TokenCommand}: the {@code token} command of the development issuer.</li>
 * </ul>
 */
package org.trialfhir.server.security;
