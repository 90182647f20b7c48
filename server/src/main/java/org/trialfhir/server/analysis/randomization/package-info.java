/**
 * Randomization lists: stratified permuted blocks with randomly chosen block sizes
 * ({@link org.trialfhir.server.analysis.randomization.PermutedBlockRandomization}).
 */
package org.trialfhir.server.analysis.randomization;
