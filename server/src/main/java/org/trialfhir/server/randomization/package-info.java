/**
 * Concealed randomization of part 2: the secret seed (outside the FHIR store), the ledger
 * of used list slots (its own database table, locked per study), and the service that
 * turns a Patient and a stratum into a new ResearchSubject with the next assignment of
 * the stratified permuted-block list.
 */
package org.trialfhir.server.randomization;
