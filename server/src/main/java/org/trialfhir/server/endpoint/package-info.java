/**
 * Per-subject endpoint facts of the trial (time origin, OS, PFS and TTP, best overall
 * response, first dose, treatment-emergent adverse events, discontinuation), derived by
 * the rules of DESIGN.md and the OperationDefinitions, and the projection that keeps the
 * data they are derived from in the server's database, updated in the same transaction as
 * every write.
 */
package org.trialfhir.server.endpoint;
