package org.trialfhir.server.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallOutcomeJson;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialfhir.profiles.TrialCanonical;

/**
 * Installs the trial implementation guide carried by the {@code ig} jar into the server:
 * its profiles, extensions, CodeSystems, ValueSets, OperationDefinitions and
 * CapabilityStatement are stored (so clients can read and search them, and
 * {@code $validate} finds them) and its SearchParameters become active. Installing again,
 * at every start, updates the stored copies in place.
 */
public class ImplementationGuideInstaller {

	private static final Logger log = LoggerFactory.getLogger(ImplementationGuideInstaller.class);

	/**
	 * The IG's conformance resources. Its example instances are documentation, not data,
	 * and are not installed; nor is the ImplementationGuide resource, whose literal
	 * references to the package's resource ids do not survive the installer storing each
	 * resource under a server id.
	 */
	private static final String[] INSTALLED_TYPES = { "StructureDefinition", "CodeSystem", "ValueSet",
			"SearchParameter", "OperationDefinition", "CapabilityStatement" };

	private final IPackageInstallerSvc packageInstaller;

	/**
	 * @param packageInstaller HAPI's package installer
	 */
	public ImplementationGuideInstaller(IPackageInstallerSvc packageInstaller) {
		this.packageInstaller = packageInstaller;
	}

	/**
	 * Installs the IG package.
	 * @return what HAPI reports it installed
	 */
	public PackageInstallOutcomeJson install() {
		long start = System.nanoTime();
		PackageInstallationSpec spec = new PackageInstallationSpec().setName(TrialCanonical.IG_PACKAGE_ID)
			.setVersion(TrialCanonical.IG_VERSION)
			.setPackageContents(packageBytes())
			.setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
			.addInstallResourceTypes(INSTALLED_TYPES);
		PackageInstallOutcomeJson outcome = packageInstaller.install(spec);
		log.info("Installed IG {}#{} in {} ms: {}", TrialCanonical.IG_PACKAGE_ID, TrialCanonical.IG_VERSION,
				(System.nanoTime() - start) / 1_000_000, outcome.getResourcesInstalled());
		return outcome;
	}

	private static byte[] packageBytes() {
		try (InputStream in = ImplementationGuideInstaller.class.getClassLoader()
			.getResourceAsStream(TrialCanonical.IG_PACKAGE_CLASSPATH)) {
			if (in == null) {
				throw new IllegalStateException(
						"IG package missing from the classpath: " + TrialCanonical.IG_PACKAGE_CLASSPATH);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
