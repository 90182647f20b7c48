package org.trialfhir.server.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialfhir.profiles.TrialCanonical;
import org.trialfhir.profiles.TrialExtensions;
import org.trialfhir.profiles.TrialOperations;
import org.trialfhir.profiles.TrialProfileSelector;
import org.trialfhir.profiles.TrialProfiles;
import org.trialfhir.server.FhirServerIT;
import org.trialfhir.server.IgExamples;
import org.trialfhir.server.SampleResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The data contract, enforced by the running server: the IG is installed, its examples
 * are accepted, every resource of the invalid corpus (profiles module,
 * {@code invalid/index.csv}) is refused with the expected error and nothing is stored,
 * and the IG's SearchParameters answer searches.
 */
class DataContractIT extends FhirServerIT {

	/** One line of {@code invalid/index.csv}. */
	record InvalidResource(String file, String location, String messageFragment, String defect) {

		@Override
		public String toString() {
			return file + " (" + defect + ")";
		}

	}

	private final HttpClient http = HttpClient.newHttpClient();

	static Stream<InvalidResource> invalidCorpus() {
		List<InvalidResource> corpus = new ArrayList<>();
		List<String> lines = resourceText("invalid/index.csv").lines().skip(1).toList();
		for (String line : lines) {
			List<String> fields = csvFields(line);
			corpus.add(new InvalidResource(fields.get(0), fields.get(1), fields.get(2), fields.get(3)));
		}
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
		return corpus.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCorpus")
	void invalidResourceIsRefusedWithItsErrorAndNotStored(InvalidResource invalid) throws Exception {
		String body = resourceText("invalid/" + invalid.file());
		ca.uhn.fhir.parser.LenientErrorHandler lenient = new ca.uhn.fhir.parser.LenientErrorHandler(false);
		lenient.setErrorOnInvalidValue(false);
		Resource parsedForType = (Resource) FHIR.newJsonParser().setParserErrorHandler(lenient).parseResource(body);
		String url = baseUrl() + "/" + parsedForType.fhirType() + "/" + parsedForType.getIdElement().getIdPart();

		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/fhir+json")
			.header("Accept", "application/fhir+json")
			.header("Authorization", bearer())
			.PUT(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());

		OperationOutcome outcome = (OperationOutcome) FHIR.newJsonParser().parseResource(response.body());
		if (response.statusCode() == 400) {
			// a value HAPI's model cannot hold (an unknown status code) is refused by the
			// parser, before validation:
			// the OperationOutcome then names the offending code
			String code = invalid.messageFragment().replaceAll(".*#([^']+)'.*", "$1");
			assertThat(invalid.messageFragment()).as("only unknown codes may stop at the parser")
				.startsWith("Unknown code");
			assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("'" + code + "'");
		}
		else {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
			assertThat(outcome.getIssue()).as(response.body()).anySatisfy(issue -> {
				assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
				assertThat(issue.getDiagnostics()).contains(invalid.messageFragment());
				assertThat(expressions(issue)).contains(invalid.location());
			});
		}
		HttpResponse<String> read = http.send(
				HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer()).GET().build(),
				BodyHandlers.ofString());
		assertThat(read.statusCode()).as("nothing stored").isEqualTo(404);
	}

	@Test
	void everyIgExampleIsStoredAndValidatesAgainstItsProfile() throws Exception {
		TrialProfileSelector selector = new TrialProfileSelector();
		List<Resource> examples = IgExamples.all();
		assertThat(examples).hasSizeGreaterThanOrEqualTo(15);
		for (Resource example : examples) {
			Resource stored = (Resource) client.read()
				.resource(example.fhirType())
				.withId(example.getIdElement().getIdPart())
				.execute();
			assertThat(stored.getIdElement().getIdPart()).isEqualTo(example.getIdElement().getIdPart());
			for (String profile : selector.profilesFor(example)) {
				HttpResponse<String> response = http.send(HttpRequest
					.newBuilder(URI.create(baseUrl() + "/" + example.fhirType() + "/$validate?profile=" + profile))
					.header("Content-Type", "application/fhir+json")
					.header("Authorization", bearer())
					.POST(BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(example)))
					.build(), BodyHandlers.ofString());
				OperationOutcome outcome = (OperationOutcome) FHIR.newJsonParser().parseResource(response.body());
				assertThat(errors(outcome)).as(example.fhirType() + "/" + example.getIdElement().getIdPart()).isEmpty();
			}
		}
	}

	@Test
	void aTransactionWithOneInvalidEntryStoresNothing() {
		int patients = count(Patient.class);
		int events = count(AdverseEvent.class);
		AdverseEvent gradeSix = SampleResources
			.adverseEvent(new org.hl7.fhir.r4.model.Reference("urn:uuid:new-patient"));
		gradeSix.getExtensionByUrl(TrialExtensions.AE_GRADE)
			.setValue(new CodeableConcept(
					new Coding("http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "C99999", null)));
		Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
		bundle.addEntry()
			.setFullUrl("urn:uuid:new-patient")
			.setResource(SampleResources.patient())
			.getRequest()
			.setMethod(HTTPVerb.POST)
			.setUrl("Patient");
		bundle.addEntry().setResource(gradeSix).getRequest().setMethod(HTTPVerb.POST).setUrl("AdverseEvent");

		assertThatThrownBy(() -> client.transaction().withBundle(bundle).execute())
			.isInstanceOf(UnprocessableEntityException.class)
			.satisfies(ex -> assertThat(FHIR.newJsonParser()
				.encodeResourceToString(((UnprocessableEntityException) ex).getOperationOutcome()))
				.contains("CTCAE grade"));
		assertThat(count(Patient.class)).isEqualTo(patients);
		assertThat(count(AdverseEvent.class)).isEqualTo(events);
	}

	@Test
	void theIgsSearchParametersAnswerSearches() {
		assertThat(ids("AdverseEvent?ctcae-grade=http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl|C41340"))
			.contains("ae-li-na-alt-increased-grade-3");
		assertThat(ids("AdverseEvent?ctcae-grade=http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl|C41338"))
			.doesNotContain("ae-li-na-alt-increased-grade-3");
		assertThat(ids("AdverseEvent?dlt=true")).contains("dlt-febrile-neutropenia-zhang-wei")
			.doesNotContain("ae-li-na-alt-increased-grade-3");
		assertThat(ids("ResearchSubject?stratum=ecog-1")).contains("subject-li-na-randomized");
		assertThat(ids("ResearchSubject?dose-level=2")).contains("subject-zhang-wei-dose-level-2")
			.doesNotContain("subject-li-na-randomized");
		assertThat(ids("ResearchStudy?endpoint=OS")).contains("rak-part-2-randomized", "rak-program")
			.doesNotContain("rak-part-1-dose-escalation");
		// other tests store generated trials in the same database: look at the IG's
		// patient only
		assertThat(ids("Observation?subject=Patient/patient-li-na"
				+ "&value-concept=http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl|C35571"))
			.isNotEmpty()
			.allMatch(id -> id.startsWith("tumor-response"));
	}

	@Test
	void theIgsConformanceResourcesAreStoredAndTheCapabilityStatementNamesThem() {
		assertThat(ids("StructureDefinition?url=" + TrialProfiles.ADVERSE_EVENT)).hasSize(1);
		for (String operation : TrialOperations.ALL_DEFINITIONS) {
			assertThat(ids("OperationDefinition?url=" + operation)).as(operation).hasSize(1);
		}
		assertThat(ids("CapabilityStatement?url=" + TrialCanonical.CAPABILITY_STATEMENT)).hasSize(1);

		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();
		assertThat(capabilities.getInstantiates()).extracting(c -> c.getValue())
			.contains(TrialCanonical.CAPABILITY_STATEMENT);
		CapabilityStatementRestResourceComponent observation = capabilities.getRestFirstRep()
			.getResource()
			.stream()
			.filter(resource -> resource.getType().equals("Observation"))
			.findFirst()
			.orElseThrow();
		assertThat(observation.getSupportedProfile()).extracting(c -> c.getValue())
			.contains(TrialProfiles.TUMOR_RESPONSE, TrialProfiles.BODY_SURFACE_AREA);
	}

	private List<String> ids(String search) {
		Bundle bundle = client.search()
			.byUrl(search + (search.contains("?") ? "&" : "?") + "_count=500")
			.returnBundle(Bundle.class)
			.execute();
		return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
	}

	private static List<String> errors(OperationOutcome outcome) {
		return outcome.getIssue()
			.stream()
			.filter(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
			.map(issue -> issue.getDiagnostics() + " @ " + expressions(issue))
			.toList();
	}

	private static List<String> expressions(OperationOutcomeIssueComponent issue) {
		List<String> expressions = new ArrayList<>(issue.getExpression().stream().map(StringType::getValue).toList());
		issue.getLocation().forEach(location -> expressions.add(location.getValue()));
		return expressions;
	}

	private static String resourceText(String path) {
		try (InputStream in = DataContractIT.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Splits a CSV line with RFC 4180 double quotes. */
	private static List<String> csvFields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else {
					quoted = !quoted;
				}
			}
			else if (c == ',' && !quoted) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
