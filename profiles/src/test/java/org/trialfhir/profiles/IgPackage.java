package org.trialfhir.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/** The IG package on the test classpath, read the way HAPI reads it. */
final class IgPackage {

	/** Resource types that define the IG rather than tell its story. */
	static final Set<String> CONFORMANCE_TYPES = Set.of("StructureDefinition", "CodeSystem", "ValueSet",
			"SearchParameter", "OperationDefinition", "CapabilityStatement", "ImplementationGuide");

	private static List<Resource> resources;

	private IgPackage() {
	}

	static synchronized List<Resource> resources() {
		if (resources == null) {
			resources = load();
		}
		return resources;
	}

	static NpmPackage npmPackage() {
		try (InputStream in = IgPackage.class.getClassLoader()
			.getResourceAsStream(TrialCanonical.IG_PACKAGE_CLASSPATH)) {
			if (in == null) {
				throw new IllegalStateException(TrialCanonical.IG_PACKAGE_CLASSPATH + " is not on the classpath");
			}
			return NpmPackage.fromPackage(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The examples: every resource of the package that is not a conformance resource. */
	static List<Resource> examples() {
		return resources().stream().filter((r) -> !CONFORMANCE_TYPES.contains(r.fhirType())).toList();
	}

	static List<Resource> ofType(String type) {
		return resources().stream().filter((r) -> r.fhirType().equals(type)).toList();
	}

	private static List<Resource> load() {
		FhirContext fhirContext = FhirContext.forR4Cached();
		NpmPackage npm = npmPackage();
		List<Resource> result = new ArrayList<>();
		NpmPackage.NpmPackageFolder folder = npm.getFolders().get("package");
		try {
			for (String file : folder.listFiles()) {
				if (file.endsWith(".json")) {
					String json = new String(folder.fetchFile(file), StandardCharsets.UTF_8);
					result.add((Resource) fhirContext.newJsonParser().parseResource(json));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(result);
	}

}
