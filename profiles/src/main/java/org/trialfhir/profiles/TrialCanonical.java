package org.trialfhir.profiles;

/**
 * Canonical URLs of the TrialFHIR implementation guide. This module is the only place
 * where the IG's canonical URLs and codes are spelled out; everything else refers to
 * these constants: {@link TrialProfiles}, {@link TrialExtensions},
 * {@link TrialCodeSystems}, {@link TrialValueSets}, {@link TrialCodes},
 * {@link TrialSearchParameters} and {@link TrialOperations}.
 */
public final class TrialCanonical {

	/** Canonical base of every TrialFHIR conformance resource. */
	public static final String BASE = "http://trialfhir.org/fhir";

	/** NPM package id of the implementation guide. */
	public static final String IG_PACKAGE_ID = "org.trialfhir.ig";

	/** Version of the implementation guide package (sushi-config.yaml). */
	public static final String IG_VERSION = "0.1.0";

	/**
	 * Classpath location of the IG's NPM package, carried by the {@code trialfhir-ig}
	 * jar.
	 */
	public static final String IG_PACKAGE_CLASSPATH = "org/trialfhir/ig/package.tgz";

	/** The ImplementationGuide resource of the package. */
	public static final String IMPLEMENTATION_GUIDE = BASE + "/ImplementationGuide/" + IG_PACKAGE_ID;

	/** The server's CapabilityStatement. */
	public static final String CAPABILITY_STATEMENT = BASE + "/CapabilityStatement/trial-server";

	/**
	 * Identifier system of study identifiers (ResearchStudy.identifier), e.g.
	 * {@code RAK-GC-01-P2}.
	 */
	public static final String STUDY_IDENTIFIER_SYSTEM = BASE + "/sid/study";

	/**
	 * Identifier system of subject numbers (ResearchSubject.identifier), e.g.
	 * {@code P2-031}.
	 */
	public static final String SUBJECT_IDENTIFIER_SYSTEM = BASE + "/sid/subject";

	/**
	 * Identifier system of the site's medical record numbers (Patient.identifier) in the
	 * examples.
	 */
	public static final String SITE_MRN_IDENTIFIER_SYSTEM = BASE + "/sid/plagh-mrn";

	/**
	 * Identifier system under which AuditEvents name the resources they are about (value
	 * {@code Type/id}); the audit trail keeps identifiers, not references.
	 */
	public static final String AUDITED_RESOURCE_SYSTEM = "urn:trialfhir:resource";

	/** Name of this server as the observer and site of its AuditEvents. */
	public static final String AUDIT_SOURCE = "TrialFHIR";

	static final String STRUCTURE_DEFINITION = BASE + "/StructureDefinition/";

	static final String CODE_SYSTEM = BASE + "/CodeSystem/";

	static final String VALUE_SET = BASE + "/ValueSet/";

	static final String SEARCH_PARAMETER = BASE + "/SearchParameter/";

	static final String OPERATION_DEFINITION = BASE + "/OperationDefinition/";

	private TrialCanonical() {
	}

}
