/**
 * The blinding policy of the trial: what a blinded caller may never learn, and how each
 * way in or out of the server keeps it so. The classes here are thin adapters onto HAPI's
 * pointcuts; this text is the policy they implement.
 * <p>
 * <b>Status (issue 14 is open):</b> built today are the per-type masking of
 * {@code ArmMasking}, the write and search guards, conformance resources unblinded-only
 * ({@code ConformanceWriteGuard}) and search pages keyed by their owner
 * ({@code SearchPageOwners}). Not built yet, though stated below as the policy: masking
 * by value over every element of every resource type, removal of the narrative, refusal
 * ({@code 422}) of blinded writes whose free text names the product, and refusing
 * searches by what their path reaches rather than by name.
 *
 * <h2>Who is blinded</h2> Every caller whose roles are all blinded: {@code investigator},
 * {@code coordinator}, {@code ehr-interface}, {@code admin}, and a token without any
 * trial role. A caller holding at least one of {@code pharmacist},
 * {@code unblinded-statistician} or {@code dsmb} is unblinded, and so is the server
 * itself (start-up, batch jobs). The decision is {@code TrialCaller.isBlinded()};
 * operations ask it through {@link org.trialfhir.server.blinding.CallerBlinding}.
 *
 * <h2>What is arm-revealing</h2>
 * <ul>
 * <li>the arm of a subject: {@code ResearchSubject.assignedArm}/{@code actualArm}, and
 * the arm names and descriptions of {@code ResearchStudy.arm} (and the arm a dose level
 * names);</li>
 * <li>the study cell product: any Coding of the study-product code system whose code is
 * masked ({@code rak-cells}, {@code control}), and any display or text equal to a product
 * or arm name ("RAK cells", "Control", "RAK");</li>
 * <li>references to the product's Medication or BiologicallyDerivedProduct (the id alone
 * splits subjects by arm), and their display;</li>
 * <li>lot and batch numbers and other identifiers of the product;</li>
 * <li>the product's dose on an administration, request, dispense or statement of it;</li>
 * <li>free text: narrative ({@code text}) and free-text elements (notes, descriptions,
 * {@code CodeableConcept.text}, dosage text) which may name the product or the arm.</li>
 * </ul>
 *
 * <h2>What happens on each path, for a blinded caller</h2>
 * <ul>
 * <li><b>Read, vread, search (with {@code _include}/{@code _revinclude},
 * {@code _elements}, {@code _summary}), history, {@code $everything}, batch GETs, paging,
 * XML/JSON/HTML:</b> every resource on its way out passes HAPI's consent interceptor
 * ({@link org.trialfhir.server.blinding.BlindingConsentService}, registered on the global
 * interceptor service so DAO-level reads are covered) and is masked by value
 * ({@link org.trialfhir.server.blinding.ArmMasking}). Masked values are identical for
 * both arms: the product becomes one {@code study-cell-product} Coding, a product
 * reference one fixed masked reference, an arm or dose a value-less element with the
 * data-absent-reason {@code masked}; the narrative is removed from every resource, and a
 * free-text element that names the product or an arm is replaced by the same fixed masked
 * string. A RAK and a Control record thus look the same.</li>
 * <li><b>Searches:</b> a search, sort, filter, chain or {@code _has} by arm or by the
 * study cell product is refused with {@code 403}, also as a batch entry or conditional
 * match ({@link org.trialfhir.server.blinding.StudyProductSearch},
 * {@link org.trialfhir.server.blinding.BlindedSearchGuard}); counts
 * ({@code _summary=count}, {@code _total}) are refused and {@code Bundle.total} is
 * removed (also from bundles nested in a batch response).</li>
 * <li><b>Operations:</b> analyses pool the arms; {@code $randomize} returns the subject
 * without its arm; {@code $unblind} is unblinded-only and audited, and its records are
 * written by {@code $unblind} alone
 * ({@link org.trialfhir.server.blinding.UnblindingRecordGuard}).</li>
 * <li><b>Exports and subscriptions:</b> bulk export and subscription deliveries of
 * arm-bearing data are unblinded-only; what a blinded caller gets of them is masked as
 * above.</li>
 * <li><b>Writes:</b> a blinded caller cannot set or change an arm (only
 * {@code $randomize} assigns arms), records the product only as
 * {@code study-cell-product}, cannot update or patch the resources whose masked values it
 * read, and cannot store a narrative or free text naming the product or an arm
 * ({@code 422}); refusals carry an OperationOutcome and store nothing
 * ({@link org.trialfhir.server.blinding.BlindedWriteGuard}).</li>
 * <li><b>Conformance:</b> a blinded caller cannot define a SearchParameter over an arm;
 * the conformance resources that drive indexing, subscriptions or validation are written
 * by unblinded roles or come from the IG at start.</li>
 * </ul>
 * The request-level hooks of the consent interceptor run on the REST server through
 * {@link org.trialfhir.server.blinding.ConsentServerHooks}. Unblinded callers skip
 * consent altogether and see everything.
 */
package org.trialfhir.server.blinding;
