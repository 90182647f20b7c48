/**
 * Binary endpoints (response, DLT, event yes/no): a proportion with its exact
 * Clopper–Pearson interval
 * ({@link org.trialfhir.server.analysis.binary.ClopperPearsonInterval}) or Wilson score
 * interval, the difference of two proportions with Newcombe's hybrid score interval
 * ({@link org.trialfhir.server.analysis.binary.NewcombeDifferenceInterval}) and Fisher's
 * exact test ({@link org.trialfhir.server.analysis.binary.FisherExactTest}), matching R's
 * {@code binom.test}, {@code prop.test(correct = FALSE)} and {@code fisher.test}.
 */
package org.trialfhir.server.analysis.binary;
