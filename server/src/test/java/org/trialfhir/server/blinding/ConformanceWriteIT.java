package org.trialfhir.server.blinding;

import java.util.List;
import java.util.stream.Stream;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.SampleResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Conformance resources (SearchParameter, ValueSet, CodeSystem, ...) are written only by
 * unblinded callers ({@link ConformanceWriteGuard}): every blinded role, the blinded
 * {@code admin} (who writes every other type) included, gets {@code 403} on create — also
 * as a transaction entry — and the blinded admin on update, PATCH and delete of a stored
 * SearchParameter, which stays unchanged. An unblinded admin creates, updates and deletes
 * them.
 */
class ConformanceWriteIT extends FhirServerIT {

	static Stream<String> blindedRoles() {
		return Stream.of("investigator", "coordinator", "ehr-interface", "admin");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("blindedRoles")
	void blindedCallersCannotCreateConformanceResources(String role) {
		IGenericClient blinded = clientAs(role);
		for (Resource resource : List.of(searchParameter(), valueSet(), codeSystem())) {
			assertThatThrownBy(() -> blinded.create().resource(resource).execute()).as(role + " " + resource.fhirType())
				.isInstanceOf(ForbiddenOperationException.class);
		}
		SearchParameter parameter = searchParameter();
		Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
		transaction.addEntry()
			.setFullUrl("urn:uuid:" + SampleResources.uniqueId())
			.setResource(parameter)
			.getRequest()
			.setMethod(HTTPVerb.POST)
			.setUrl("SearchParameter");
		assertThatThrownBy(() -> blinded.transaction().withBundle(transaction).execute())
			.isInstanceOf(ForbiddenOperationException.class);
		assertThat(storedWithCode(parameter.getCode())).as("nothing stored").isEmpty();
	}

	@Test
	void blindedAdminCannotChangeOrDeleteAStoredSearchParameter() {
		SearchParameter parameter = searchParameter();
		IdType id = (IdType) client.create().resource(parameter).execute().getId().toUnqualifiedVersionless();
		IGenericClient admin = clientAs("admin");

		SearchParameter changed = parameter.copy();
		changed.setId(id);
		changed.setExpression("Patient.name");
		assertThatThrownBy(() -> admin.update().resource(changed).execute())
			.isInstanceOf(ForbiddenOperationException.class);
		String patch = "[{\"op\":\"replace\",\"path\":\"/expression\",\"value\":\"Patient.name\"}]";
		assertThatThrownBy(() -> admin.patch().withBody(patch).withId(id).execute())
			.isInstanceOf(ForbiddenOperationException.class);
		assertThatThrownBy(() -> admin.delete().resourceById(id).execute())
			.isInstanceOf(ForbiddenOperationException.class);

		SearchParameter stored = client.read().resource(SearchParameter.class).withId(id).execute();
		assertThat(stored.getExpression()).isEqualTo("Patient.gender");
		assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
	}

	@Test
	void unblindedAdminWritesConformanceResources() {
		SearchParameter parameter = searchParameter();
		MethodOutcome created = client.create().resource(parameter).execute();
		assertThat(created.getCreated()).isTrue();
		IdType id = (IdType) created.getId().toUnqualifiedVersionless();
		String patch = "[{\"op\":\"replace\",\"path\":\"/description\",\"value\":\"changed\"}]";
		client.patch().withBody(patch).withId(id).execute();
		assertThat(client.read().resource(SearchParameter.class).withId(id).execute().getDescription())
			.isEqualTo("changed");
		assertThat(client.create().resource(valueSet()).execute().getCreated()).isTrue();
		client.delete().resourceById(id).execute();
		assertThat(storedWithCode(parameter.getCode())).isEmpty();
	}

	private List<Bundle.BundleEntryComponent> storedWithCode(String code) {
		return client.search()
			.forResource(SearchParameter.class)
			.where(SearchParameter.CODE.exactly().code(code))
			.returnBundle(Bundle.class)
			.execute()
			.getEntry();
	}

	private static SearchParameter searchParameter() {
		String code = "zx" + SampleResources.uniqueId().replace("-", "").substring(0, 12);
		SearchParameter parameter = new SearchParameter();
		parameter.setUrl("http://example.org/SearchParameter/" + code)
			.setName(code)
			.setStatus(PublicationStatus.DRAFT)
			.setDescription("test parameter")
			.setCode(code)
			.setType(SearchParamType.TOKEN)
			.setExpression("Patient.gender")
			.addBase("Patient");
		return parameter;
	}

	private static ValueSet valueSet() {
		ValueSet valueSet = new ValueSet();
		valueSet.setUrl("http://example.org/ValueSet/" + SampleResources.uniqueId()).setStatus(PublicationStatus.DRAFT);
		return valueSet;
	}

	private static CodeSystem codeSystem() {
		CodeSystem codeSystem = new CodeSystem();
		codeSystem.setUrl("http://example.org/CodeSystem/" + SampleResources.uniqueId())
			.setStatus(PublicationStatus.DRAFT)
			.setContent(CodeSystem.CodeSystemContentMode.NOTPRESENT);
		return codeSystem;
	}

}
