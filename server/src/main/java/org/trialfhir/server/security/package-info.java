/**
 * Authentication, roles, blinding and audit.
 * <ul>
 * <li>{@code HttpSecurityConfiguration}: bearer JWTs (development issuer or external
 * OpenID Connect provider), {@code 401} with an OperationOutcome;</li>
 * <li>{@code TrialAuthorization} + {@code RolePermissions} + {@code SmartScopes}: what a
 * caller may do (roles intersected with SMART scopes), HAPI's AuthorizationInterceptor;
 * </li>
 * <li>{@code BlindingConsentService} + {@code ArmMasking}: what a blinded caller sees,
 * HAPI's ConsentInterceptor; {@code BlindedWriteGuard}: what a blinded caller may not
 * write; {@code StudyProductSearch} + {@code BlindedSearchGuard}: no search by arm or
 * study product and no count, batch entries and conditional matches included;
 * {@link org.trialfhir.server.security.CallerBlinding}: whether operations must pool
 * arms;</li>
 * <li>{@code AuditTrail}: HAPI's BALP AuditEvents plus refused requests, immutable;</li>
 * <li>{@code TokenCommand}: the {@code token} command of the development issuer.</li>
 * </ul>
 */
package org.trialfhir.server.security;
