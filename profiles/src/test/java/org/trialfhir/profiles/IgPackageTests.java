package org.trialfhir.profiles;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java constants and the IG package say the same thing. */
class IgPackageTests {

	@Test
	void packageIsTheTrialIg() {
		NpmPackage npm = IgPackage.npmPackage();
		assertThat(npm.name()).isEqualTo(TrialCanonical.IG_PACKAGE_ID);
		assertThat(npm.version()).isEqualTo(TrialCanonical.IG_VERSION);
		assertThat(npm.canonical()).isEqualTo(TrialCanonical.BASE);
		assertThat(npm.fhirVersion()).isEqualTo("4.0.1");
		assertThat(urls("ImplementationGuide")).containsExactly(TrialCanonical.IMPLEMENTATION_GUIDE);
	}

	@Test
	void everyConformanceResourceIsActiveAndUnderTheCanonicalBase() {
		IgPackage.resources()
			.stream()
			.filter((r) -> IgPackage.CONFORMANCE_TYPES.contains(r.fhirType()))
			.map(MetadataResource.class::cast)
			.forEach((r) -> {
				assertThat(r.getUrl()).as(r.getId()).startsWith(TrialCanonical.BASE + "/");
				assertThat(r.getStatus()).as(r.getUrl()).isEqualTo(PublicationStatus.ACTIVE);
			});
	}

	@Test
	void profilesAndExtensionsAreTheConstants() {
		Map<Boolean, Set<String>> byKind = IgPackage.ofType("StructureDefinition")
			.stream()
			.map(StructureDefinition.class::cast)
			.peek((sd) -> assertThat(sd.getDerivation()).isEqualTo(TypeDerivationRule.CONSTRAINT))
			.collect(Collectors.partitioningBy((sd) -> sd.getType().equals("Extension"),
					Collectors.mapping(StructureDefinition::getUrl, Collectors.toSet())));
		assertThat(byKind.get(false)).containsExactlyInAnyOrderElementsOf(TrialProfiles.ALL);
		assertThat(byKind.get(true)).containsExactlyInAnyOrderElementsOf(TrialExtensions.ALL);
	}

	@Test
	void codeSystemsValueSetsSearchParametersAndOperationsAreTheConstants() {
		assertThat(urls("CodeSystem")).containsExactlyInAnyOrderElementsOf(TrialCodeSystems.ALL);
		assertThat(urls("ValueSet")).containsExactlyInAnyOrderElementsOf(TrialValueSets.ALL);
		assertThat(urls("SearchParameter")).containsExactlyInAnyOrderElementsOf(TrialSearchParameters.ALL_URLS);
		assertThat(urls("OperationDefinition")).containsExactlyInAnyOrderElementsOf(TrialOperations.ALL_DEFINITIONS);
	}

	@Test
	void searchParameterCodesAreTheConstants() {
		Map<String, String> codeByUrl = IgPackage.ofType("SearchParameter")
			.stream()
			.map(SearchParameter.class::cast)
			.collect(Collectors.toMap(SearchParameter::getUrl, SearchParameter::getCode));
		assertThat(codeByUrl)
			.containsEntry(TrialSearchParameters.AE_CTCAE_GRADE_URL, TrialSearchParameters.AE_CTCAE_GRADE)
			.containsEntry(TrialSearchParameters.AE_DLT_URL, TrialSearchParameters.AE_DLT)
			.containsEntry(TrialSearchParameters.SUBJECT_STRATUM_URL, TrialSearchParameters.SUBJECT_STRATUM)
			.containsEntry(TrialSearchParameters.SUBJECT_DOSE_LEVEL_URL, TrialSearchParameters.SUBJECT_DOSE_LEVEL)
			.containsEntry(TrialSearchParameters.SUBJECT_ASSIGNED_ARM_URL, TrialSearchParameters.SUBJECT_ASSIGNED_ARM)
			.containsEntry(TrialSearchParameters.SUBJECT_ACTUAL_ARM_URL, TrialSearchParameters.SUBJECT_ACTUAL_ARM)
			.containsEntry(TrialSearchParameters.MEDICATION_ADMINISTRATION_CYCLE_URL,
					TrialSearchParameters.MEDICATION_ADMINISTRATION_CYCLE)
			.containsEntry(TrialSearchParameters.STUDY_ENDPOINT_URL, TrialSearchParameters.STUDY_ENDPOINT);
	}

	@Test
	void operationNamesAndParametersAreTheConstants() {
		Map<String, OperationDefinition> byUrl = IgPackage.ofType("OperationDefinition")
			.stream()
			.map(OperationDefinition.class::cast)
			.collect(Collectors.toMap(OperationDefinition::getUrl, Function.identity()));
		for (int i = 0; i < TrialOperations.ALL.size(); i++) {
			OperationDefinition definition = byUrl.get(TrialOperations.ALL_DEFINITIONS.get(i));
			assertThat("$" + definition.getCode()).isEqualTo(TrialOperations.ALL.get(i));
			assertThat(definition.getInstance()).isTrue();
		}
		Set<String> inputs = byUrl.values()
			.stream()
			.flatMap((d) -> d.getParameter().stream())
			.filter((p) -> p.getUse() == OperationDefinition.OperationParameterUse.IN)
			.map(OperationDefinition.OperationDefinitionParameterComponent::getName)
			.collect(Collectors.toSet());
		assertThat(inputs).containsExactlyInAnyOrderElementsOf(constants(TrialOperations.In.class));
		Set<String> outputs = byUrl.values()
			.stream()
			.flatMap((d) -> d.getParameter().stream())
			.filter((p) -> p.getUse() == OperationDefinition.OperationParameterUse.OUT)
			.map(OperationDefinition.OperationDefinitionParameterComponent::getName)
			.collect(Collectors.toSet());
		Set<String> outConstants = constants(TrialOperations.Out.class);
		outConstants.removeAll(Set.of(TrialOperations.Out.NAME, TrialOperations.Out.POOLED_ARM_NAME));
		assertThat(outputs).containsAll(outConstants);
		Set<String> doseLevelParts = byUrl.get(TrialOperations.DOSE_ESCALATION_DEFINITION)
			.getParameter()
			.stream()
			.filter((p) -> p.getName().equals(TrialOperations.Out.DOSE_LEVEL))
			.flatMap((p) -> p.getPart().stream())
			.map(OperationDefinition.OperationDefinitionParameterComponent::getName)
			.collect(Collectors.toSet());
		assertThat(doseLevelParts).containsExactlyInAnyOrderElementsOf(constants(TrialOperations.DoseLevelPart.class));
		assertThat(byUrl.get(TrialOperations.SURVIVAL_DEFINITION).getDescription())
			.contains("censored at the last adequate");
	}

	@Test
	void capabilityStatementDeclaresProfilesOperationsAndSearchParameters() {
		CapabilityStatement capability = (CapabilityStatement) IgPackage.ofType("CapabilityStatement").get(0);
		assertThat(capability.getUrl()).isEqualTo(TrialCanonical.CAPABILITY_STATEMENT);
		List<CapabilityStatement.CapabilityStatementRestResourceComponent> resources = capability.getRestFirstRep()
			.getResource();
		Set<String> profiles = resources.stream()
			.flatMap((r) -> java.util.stream.Stream.concat(java.util.stream.Stream.of(r.getProfile()),
					r.getSupportedProfile().stream().map((p) -> p.getValue())))
			.collect(Collectors.toSet());
		assertThat(profiles).containsAll(TrialProfiles.ALL);
		Set<String> operations = resources.stream()
			.flatMap((r) -> r.getOperation().stream())
			.map((o) -> o.getDefinition())
			.collect(Collectors.toSet());
		assertThat(operations).containsExactlyInAnyOrderElementsOf(TrialOperations.ALL_DEFINITIONS);
		Set<String> searchParameters = resources.stream()
			.flatMap((r) -> r.getSearchParam().stream())
			.map((p) -> p.getDefinition())
			.collect(Collectors.toSet());
		assertThat(searchParameters).containsExactlyInAnyOrderElementsOf(TrialSearchParameters.ALL_URLS);
	}

	@Test
	void codeEnumsAreTheCodeSystems() {
		assertCodeSystem(TrialCodeSystems.MASKING, TrialCodes.Masking.values());
		assertCodeSystem(TrialCodeSystems.ALLOCATION, TrialCodes.Allocation.values());
		assertCodeSystem(TrialCodeSystems.ARM_TYPE, TrialCodes.ArmType.values());
		assertCodeSystem(TrialCodeSystems.ENDPOINT, TrialCodes.Endpoint.values());
		assertCodeSystem(TrialCodeSystems.DOSE_ESCALATION_DESIGN, TrialCodes.DoseEscalationDesign.values());
		assertCodeSystem(TrialCodeSystems.DOSE_DECISION, TrialCodes.DoseDecision.values());
		assertCodeSystem(TrialCodeSystems.ROLE, TrialCodes.Role.values());
		assertCodeSystem(TrialCodeSystems.STUDY_PRODUCT, TrialCodes.StudyProduct.values());
		assertCodeSystem(TrialCodeSystems.STRATUM, TrialCodes.Stratum.values());
		assertCodeSystem(TrialCodeSystems.AE_ATTRIBUTION, TrialCodes.Attribution.values());
		Map<String, String> observationTypes = concepts(TrialCodeSystems.OBSERVATION_TYPE);
		assertThat(observationTypes).containsOnlyKeys(TrialCodes.RECIST_OVERALL_RESPONSE);
	}

	@Test
	void ncitEnumsAreTheEnumeratedValueSets() {
		assertValueSet(TrialValueSets.RECIST_RESPONSE, TrialCodes.RecistResponse.values());
		assertValueSet(TrialValueSets.CTCAE_GRADE, TrialCodes.CtcaeGrade.values());
	}

	@Test
	void codeSystemPropertiesAreTheEnumFlags() {
		for (TrialCodes.Role role : TrialCodes.Role.values()) {
			assertThat(property(TrialCodeSystems.ROLE, role.code(), "blinded")).as(role.name())
				.isEqualTo(role.isBlinded());
		}
		for (TrialCodes.Attribution attribution : TrialCodes.Attribution.values()) {
			assertThat(property(TrialCodeSystems.AE_ATTRIBUTION, attribution.code(), "related")).as(attribution.name())
				.isEqualTo(attribution.isRelated());
		}
	}

	private static Set<String> urls(String type) {
		return IgPackage.ofType(type).stream().map((r) -> ((MetadataResource) r).getUrl()).collect(Collectors.toSet());
	}

	private static void assertCodeSystem(String url, TrialCode[] codes) {
		Map<String, String> expected = Arrays.stream(codes)
			.peek((c) -> assertThat(c.system()).isEqualTo(url))
			.collect(Collectors.toMap(TrialCode::code, TrialCode::display));
		assertThat(concepts(url)).as(url).isEqualTo(expected);
	}

	private static void assertValueSet(String url, TrialCode[] codes) {
		ValueSet valueSet = (ValueSet) find("ValueSet", url);
		Map<String, String> actual = valueSet.getCompose()
			.getInclude()
			.stream()
			.peek((include) -> assertThat(include.getSystem()).isEqualTo(TrialCodeSystems.NCIT))
			.flatMap((include) -> include.getConcept().stream())
			.collect(Collectors.toMap((c) -> c.getCode(), (c) -> c.getDisplay()));
		Map<String, String> expected = Arrays.stream(codes)
			.peek((c) -> assertThat(c.system()).isEqualTo(TrialCodeSystems.NCIT))
			.collect(Collectors.toMap(TrialCode::code, TrialCode::display));
		assertThat(actual).as(url).isEqualTo(expected);
	}

	private static Map<String, String> concepts(String url) {
		CodeSystem codeSystem = (CodeSystem) find("CodeSystem", url);
		assertThat(codeSystem.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
		Map<String, String> result = new HashMap<>();
		collect(codeSystem.getConcept(), result);
		return result;
	}

	private static void collect(List<ConceptDefinitionComponent> concepts, Map<String, String> into) {
		for (ConceptDefinitionComponent concept : concepts) {
			into.put(concept.getCode(), concept.getDisplay());
			collect(concept.getConcept(), into);
		}
	}

	private static boolean property(String url, String code, String property) {
		CodeSystem codeSystem = (CodeSystem) find("CodeSystem", url);
		return codeSystem.getConcept()
			.stream()
			.filter((c) -> c.getCode().equals(code))
			.flatMap((c) -> c.getProperty().stream())
			.filter((p) -> p.getCode().equals(property))
			.map((p) -> p.getValueBooleanType().booleanValue())
			.findFirst()
			.orElseThrow();
	}

	private static Resource find(String type, String url) {
		return IgPackage.ofType(type)
			.stream()
			.filter((r) -> ((MetadataResource) r).getUrl().equals(url))
			.findFirst()
			.orElseThrow(() -> new AssertionError(type + " " + url + " is not in the package"));
	}

	private static Set<String> constants(Class<?> holder) {
		return Arrays.stream(holder.getDeclaredFields())
			.filter((f) -> java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
			.map((f) -> {
				try {
					return (String) f.get(null);
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			})
			.collect(Collectors.toSet());
	}

}
