package org.trialfhir.server.randomization;

import org.hl7.fhir.r4.model.ResearchSubject;

/**
 * The outcome of a randomization request.
 *
 * @param subject the patient's ResearchSubject, as stored
 * @param created false when the same request had already been served (a retry): the
 * subject is the one created then
 */
public record Randomization(ResearchSubject subject, boolean created) {
}
