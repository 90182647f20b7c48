package org.trialfhir.server.operation;

/**
 * A FHIR operation of the trial (a HAPI plain provider with {@code @Operation} methods).
 * Every Spring bean of this type is registered on the FHIR endpoint, so an operation is
 * added by writing one {@code @Component} class that implements it.
 */
public interface TrialOperation {

}
