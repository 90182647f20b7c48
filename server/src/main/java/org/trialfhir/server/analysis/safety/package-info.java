/**
 * Adverse-event tables by arm: subjects with any adverse event, by worst CTCAE grade,
 * grade 3 or higher, serious, and by term, each with an exact Clopper–Pearson interval
 * ({@link org.trialfhir.server.analysis.safety.SafetyTabulation}).
 */
package org.trialfhir.server.analysis.safety;
