package org.trialfhir.server.randomization;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;
import org.trialfhir.profiles.TrialCanonical;
import org.trialfhir.profiles.TrialCodes.Allocation;
import org.trialfhir.profiles.TrialCodes.Stratum;
import org.trialfhir.profiles.TrialExtensions;
import org.trialfhir.server.analysis.randomization.AllocationRatio;
import org.trialfhir.server.analysis.randomization.PermutedBlockRandomization;
import org.trialfhir.server.analysis.randomization.RandomizationList;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Randomizes a patient into a randomized study part from the concealed stratified
 * permuted-block list ({@link PermutedBlockRandomization}, arms 1:1 in the study's arm
 * order, block sizes from {@code trial.randomization.block-sizes}, seed from
 * {@link RandomizationSecret}). The list is regenerated in memory for each request and
 * never stored or returned; only the used slots are recorded ({@link AllocationLedger}).
 *
 * <p>
 * One transaction per request: lock the study's ledger row, check that the patient has no
 * subject in the study and that the planned enrollment is not reached, take the next slot
 * of the stratum, create the ResearchSubject (validated against TrialResearchSubject like
 * every write) and record the slot; any failure rolls all of it back. Within one server a
 * per-study lock queues requests before they take a database connection, so waiting
 * requests do not exhaust the pool. A retry of the same request (same patient, same
 * stratum) returns the subject created the first time.
 */
@Service
public class ConcealedRandomization {

	private final DaoRegistry daos;

	private final AllocationLedger ledger;

	private final RandomizationSecret secret;

	private final List<Integer> blockSizes;

	private final TransactionTemplate transaction;

	private final TransactionTemplate ownTransaction;

	private final ConcurrentHashMap<String, ReentrantLock> studyLocks = new ConcurrentHashMap<>();

	/**
	 * @param daos HAPI's resource DAOs
	 * @param ledger the used slots
	 * @param secret the secret seed
	 * @param properties block sizes
	 * @param transactionManager the JPA transaction manager HAPI's DAOs join
	 */
	public ConcealedRandomization(DaoRegistry daos, AllocationLedger ledger, RandomizationSecret secret,
			RandomizationProperties properties, PlatformTransactionManager transactionManager) {
		this.daos = daos;
		this.ledger = ledger;
		this.secret = secret;
		this.blockSizes = List.copyOf(properties.blockSizes());
		this.transaction = new TransactionTemplate(transactionManager);
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * @param request what to randomize
	 * @return the new (or, for a retry, the existing) ResearchSubject
	 * @throws RandomizationRefused if the trial's rules forbid it; nothing is stored
	 * @throws ResourceNotFoundException if the study does not exist
	 */
	public Randomization randomize(RandomizationRequest request) {
		ResearchStudy study = daos.getResourceDao(ResearchStudy.class)
			.read(new IdType("ResearchStudy", request.studyId()), system());
		int planned = requireRandomized(study);
		requirePatient(request.patientId());
		ReentrantLock lock = studyLocks.computeIfAbsent(request.studyId(), id -> new ReentrantLock(true));
		lock.lock();
		try {
			ownTransaction.executeWithoutResult(status -> ledger.registerStudy(request.studyId()));
			return transaction.execute(status -> allocate(request, study, planned));
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * @param study a study
	 * @return the study's randomization list, for a list length of its planned enrollment
	 * per stratum (tests of reproducibility only; never exposed by the API)
	 */
	RandomizationList listOf(ResearchStudy study) {
		int planned = requireRandomized(study);
		List<String> arms = study.getArm().stream().map(ResearchStudy.ResearchStudyArmComponent::getName).toList();
		PermutedBlockRandomization scheme = PermutedBlockRandomization
			.of(AllocationRatio.equal(arms.toArray(String[]::new)), new LinkedHashSet<>(blockSizes));
		List<String> strata = Arrays.stream(Stratum.values()).map(Stratum::code).toList();
		return scheme.generate(secret.seedFor(study.getIdElement().getIdPart()), strata, planned);
	}

	private Randomization allocate(RandomizationRequest request, ResearchStudy study, int planned) {
		String studyId = request.studyId();
		int enrolled = ledger.lockStudy(studyId);
		Optional<AllocationLedger.Slot> existing = ledger.slotOf(studyId, request.patientId());
		if (existing.isPresent()) {
			return retry(request, existing.get());
		}
		if (!subjectsOf(studyId, request.patientId()).isEmpty()) {
			throw new RandomizationRefused(
					"Patient/" + request.patientId() + " is already a subject of ResearchStudy/" + studyId);
		}
		if (enrolled >= planned) {
			throw new RandomizationRefused("The planned enrollment of ResearchStudy/" + studyId + " (" + planned
					+ ") is reached: no patient can be randomized");
		}
		String stratum = request.stratum().code();
		int sequence = ledger.usedInStratum(studyId, stratum) + 1;
		String arm = listOf(study).stratum(stratum).assignments().get(sequence - 1).arm();
		ResearchSubject subject = newSubject(request, study, enrolled + 1, arm);
		IdType id = (IdType) daos.getResourceDao(ResearchSubject.class).create(subject, system()).getId();
		ledger.record(studyId,
				new AllocationLedger.Slot(stratum, sequence, enrolled + 1, request.patientId(), id.getIdPart()));
		return new Randomization(read(id.getIdPart()), true);
	}

	private Randomization retry(RandomizationRequest request, AllocationLedger.Slot slot) {
		if (!slot.stratum().equals(request.stratum().code())) {
			throw new RandomizationRefused("Patient/" + request.patientId() + " was already randomized in "
					+ request.studyId() + " in another stratum (" + slot.stratum() + ")");
		}
		return new Randomization(read(slot.subjectId()), false);
	}

	private ResearchSubject newSubject(RandomizationRequest request, ResearchStudy study, int enrollmentNumber,
			String arm) {
		ResearchSubject subject = new ResearchSubject();
		String number = request.subjectNumber()
			.orElseGet(() -> study.getIdentifierFirstRep().getValue() + "-" + String.format("%03d", enrollmentNumber));
		subject.addIdentifier().setSystem(TrialCanonical.SUBJECT_IDENTIFIER_SYSTEM).setValue(number);
		subject.setStatus(ResearchSubjectStatus.ONSTUDY);
		subject.getPeriod().setStartElement(new DateTimeType(request.date().toString()));
		subject.setStudy(new Reference("ResearchStudy/" + request.studyId()));
		subject.setIndividual(new Reference("Patient/" + request.patientId()));
		subject.setAssignedArm(arm);
		Stratum stratum = request.stratum();
		subject.addExtension(new Extension(TrialExtensions.STRATUM,
				new CodeableConcept(new Coding(stratum.system(), stratum.code(), stratum.display()))));
		return subject;
	}

	/**
	 * @return the planned enrollment of a randomized study part
	 */
	private static int requireRandomized(ResearchStudy study) {
		String reference = "ResearchStudy/" + study.getIdElement().getIdPart();
		if (study.getExtensionByUrl(TrialExtensions.DOSE_ESCALATION_DESIGN) != null) {
			throw new RandomizationRefused(reference + " is a dose-escalation study: its subjects are not randomized");
		}
		Extension allocation = study.getExtensionByUrl(TrialExtensions.ALLOCATION);
		boolean randomized = allocation != null && ((CodeableConcept) allocation.getValue()).getCoding()
			.stream()
			.anyMatch(c -> Allocation.RANDOMIZED.is(c.getSystem(), c.getCode()));
		if (!randomized || study.getArm().size() < 2) {
			throw new RandomizationRefused(reference + " is not a randomized study with at least two arms");
		}
		Extension recruitment = study.getExtensionByUrl(TrialExtensions.RECRUITMENT);
		Extension target = (recruitment != null)
				? recruitment.getExtensionByUrl(TrialExtensions.Recruitment.TARGET_NUMBER) : null;
		if (target == null) {
			throw new RandomizationRefused(reference + " states no planned enrollment");
		}
		return ((IntegerType) target.getValue()).getValue();
	}

	private void requirePatient(String patientId) {
		try {
			daos.getResourceDao(Patient.class).read(new IdType("Patient", patientId), system());
		}
		catch (ResourceNotFoundException | ResourceGoneException ex) {
			throw new RandomizationRefused("Patient/" + patientId + " does not exist");
		}
	}

	private List<ResearchSubject> subjectsOf(String studyId, String patientId) {
		SearchParameterMap search = SearchParameterMap.newSynchronous()
			.add(ResearchSubject.SP_STUDY, new ReferenceParam("ResearchStudy/" + studyId))
			.add(ResearchSubject.SP_INDIVIDUAL, new ReferenceParam("Patient/" + patientId));
		return daos.getResourceDao(ResearchSubject.class).searchForResources(search, system());
	}

	private ResearchSubject read(String subjectId) {
		return daos.getResourceDao(ResearchSubject.class).read(new IdType("ResearchSubject", subjectId), system());
	}

	private static SystemRequestDetails system() {
		return new SystemRequestDetails();
	}

}
