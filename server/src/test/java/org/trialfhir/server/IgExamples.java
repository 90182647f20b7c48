package org.trialfhir.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.trialfhir.profiles.TrialCanonical;

/**
 * The example instances of the trial implementation guide, read from the IG package on
 * the classpath: the data the tests start from, conformant by construction.
 */
public final class IgExamples {

	private static final Set<String> CONFORMANCE_TYPES = Set.of("StructureDefinition", "CodeSystem", "ValueSet",
			"SearchParameter", "OperationDefinition", "CapabilityStatement", "ImplementationGuide");

	private static List<Resource> examples;

	private IgExamples() {
	}

	/**
	 * @return every example instance of the IG (not its conformance resources), as fresh
	 * copies
	 */
	public static synchronized List<Resource> all() {
		if (examples == null) {
			examples = load(FhirContext.forR4Cached());
		}
		return examples.stream().map(Resource::copy).toList();
	}

	/**
	 * @param type resource class
	 * @param id example id, e.g. {@code patient-li-na}
	 * @param <T> resource type
	 * @return a fresh copy of that example
	 */
	public static <T extends Resource> T get(Class<T> type, String id) {
		return all().stream()
			.filter(type::isInstance)
			.filter(resource -> resource.getIdElement().getIdPart().equals(id))
			.map(type::cast)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No IG example " + type.getSimpleName() + "/" + id));
	}

	/**
	 * @return a transaction that stores every example under its own id (PUT: repeating it
	 * changes nothing)
	 */
	public static Bundle asTransaction() {
		Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
		for (Resource example : all()) {
			String reference = example.fhirType() + "/" + example.getIdElement().getIdPart();
			bundle.addEntry()
				.setFullUrl(reference)
				.setResource(example)
				.getRequest()
				.setMethod(HTTPVerb.PUT)
				.setUrl(reference);
		}
		return bundle;
	}

	private static List<Resource> load(FhirContext fhir) {
		try (InputStream in = IgExamples.class.getClassLoader()
			.getResourceAsStream(TrialCanonical.IG_PACKAGE_CLASSPATH)) {
			NpmPackage npm = NpmPackage.fromPackage(in);
			List<Resource> resources = new ArrayList<>();
			for (String file : npm.list("package")) {
				if (!file.endsWith(".json") || file.equals("package.json") || file.startsWith(".")) {
					continue;
				}
				try (InputStream json = npm.load("package", file)) {
					Resource resource = (Resource) fhir.newJsonParser().parseResource(json);
					if (!CONFORMANCE_TYPES.contains(resource.fhirType())) {
						resources.add(resource);
					}
				}
			}
			return List.copyOf(resources);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
