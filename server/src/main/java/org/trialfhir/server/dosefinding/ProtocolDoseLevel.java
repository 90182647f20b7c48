package org.trialfhir.server.dosefinding;

import java.util.Optional;

import org.hl7.fhir.r4.model.Quantity;

/**
 * One dose level of a dose-escalation protocol (the study's {@code trial-dose-level}
 * extension).
 *
 * @param ordinal position, 1 = lowest
 * @param dose dose per administration
 * @param arm arm.name of the arm treating the level, if stated
 */
public record ProtocolDoseLevel(int ordinal, Quantity dose, Optional<String> arm) {
}
