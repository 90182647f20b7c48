package org.trialfhir.server.endpoint;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.trialfhir.profiles.TrialCodes.RecistResponse;

/**
 * The endpoint facts of one subject as of a data cut-off, derived by
 * {@link EndpointDerivation}.
 *
 * @param enrollment the subject's ResearchSubject facts (arm, stratum, origin, status)
 * @param os overall survival
 * @param pfs progression-free survival
 * @param ttp time to progression
 * @param bestResponse best overall response after origin up to the first PD; NE when
 * there is no (adequate) assessment
 * @param firstDose date of the first MedicationAdministration, or null if untreated
 * @param adverseEvents treatment-emergent adverse events by term, in term-code order
 * @param discontinued true if the subject is off study or withdrawn as of the cut-off
 * @param resources resources the facts were derived from (ResearchSubject, Patient and
 * the patient's dated resources up to the cut-off)
 */
public record SubjectEndpoints(SubjectEnrollment enrollment, TimeToEvent os, TimeToEvent pfs, TimeToEvent ttp,
		RecistResponse bestResponse, LocalDate firstDose, List<AdverseEventTerm> adverseEvents, boolean discontinued,
		int resources) {

	/** Checks and copies. */
	public SubjectEndpoints {
		Objects.requireNonNull(enrollment, "enrollment");
		Objects.requireNonNull(os, "OS");
		Objects.requireNonNull(pfs, "PFS");
		Objects.requireNonNull(ttp, "TTP");
		Objects.requireNonNull(bestResponse, "best response");
		adverseEvents = List.copyOf(adverseEvents);
	}

	/**
	 * @return true if the subject received at least one dose
	 */
	public boolean isTreated() {
		return firstDose != null;
	}

	/**
	 * @return the highest CTCAE grade of its treatment-emergent adverse events, 0 if none
	 */
	public int worstGrade() {
		return adverseEvents.stream().mapToInt(AdverseEventTerm::worstGrade).max().orElse(0);
	}

	/**
	 * @return true if any treatment-emergent adverse event was serious
	 */
	public boolean hasSeriousAdverseEvent() {
		return adverseEvents.stream().anyMatch(AdverseEventTerm::serious);
	}

	/**
	 * @return CR or PR
	 */
	public boolean isResponder() {
		return bestResponse.isResponse();
	}

	/**
	 * @return CR, PR or SD
	 */
	public boolean hasDiseaseControl() {
		return bestResponse.isResponse() || bestResponse == RecistResponse.SD;
	}

	/**
	 * @return the reason the subject discontinued (its status code), if it did
	 */
	public Optional<String> discontinuationReason() {
		return discontinued ? Optional.ofNullable(enrollment.status()) : Optional.empty();
	}

	/**
	 * @param endpoint OS, PFS or TTP
	 * @return that outcome
	 */
	public TimeToEvent timeToEvent(SurvivalEndpoint endpoint) {
		return switch (endpoint) {
			case OS -> os;
			case PFS -> pfs;
			case TTP -> ttp;
		};
	}

}
