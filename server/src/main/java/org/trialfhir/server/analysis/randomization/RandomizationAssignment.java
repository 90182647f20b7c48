package org.trialfhir.server.analysis.randomization;

/**
 * One entry of a randomization list.
 *
 * @param stratum stratum
 * @param sequenceNumber position in the stratum's list, from 1
 * @param block block number within the stratum, from 1
 * @param blockSize size of that block
 * @param arm allocated arm
 */
public record RandomizationAssignment(String stratum, int sequenceNumber, int block, int blockSize, String arm) {
}
