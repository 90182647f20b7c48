package org.trialfhir.server.analysis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The statistics library and the plots drawn from it stay plain Java: no FHIR, HAPI,
 * Spring or persistence, and no grab-bag classes.
 */
@AnalyzeClasses(packages = { "org.trialfhir.server.analysis", "org.trialfhir.server.plot" },
		importOptions = ImportOption.DoNotIncludeTests.class)
class AnalysisArchitectureTests {

	@ArchTest
	static final ArchRule noFrameworkDependencies = noClasses().that()
		.resideInAnyPackage("org.trialfhir.server.analysis..", "org.trialfhir.server.plot..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.hl7.fhir..", "ca.uhn..", "org.springframework..", "jakarta.persistence..",
				"javax.persistence..", "org.hibernate..", "jakarta.servlet..")
		.because("the analysis and plot packages must stay free of FHIR, HAPI, Spring and JPA");

	@ArchTest
	static final ArchRule noOtherServerPackages = noClasses().that()
		.resideInAPackage("org.trialfhir.server.analysis..")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("org.trialfhir.server.analysis..", "java..", "org.apache.commons.statistics..",
				"org.apache.commons.numbers..")
		.because("statistics depend only on the JDK and Apache Commons Statistics");

	@ArchTest
	static final ArchRule plotsDependOnlyOnTheJdkAndTheStatistics = noClasses().that()
		.resideInAPackage("org.trialfhir.server.plot..")
		.should()
		.dependOnClassesThat()
		.resideOutsideOfPackages("org.trialfhir.server.plot..", "org.trialfhir.server.analysis..", "java..",
				"javax.imageio..")
		.because("plots are drawn from analysis results with the JDK alone (Java2D, ImageIO, hand-written SVG)");

	@ArchTest
	static final ArchRule noGrabBagNames = noClasses().that()
		.resideInAnyPackage("org.trialfhir.server.analysis..", "org.trialfhir.server.plot..")
		.should()
		.haveSimpleNameEndingWith("Util")
		.orShould()
		.haveSimpleNameEndingWith("Utils")
		.orShould()
		.haveSimpleNameEndingWith("Helper")
		.orShould()
		.haveSimpleNameEndingWith("Manager");

	@ArchTest
	static final ArchRule classesAreFinal = classes().that()
		.resideInAnyPackage("org.trialfhir.server.analysis..", "org.trialfhir.server.plot..")
		.and()
		.areNotInterfaces()
		.and()
		.areNotEnums()
		.and()
		.areNotAnonymousClasses()
		.and()
		.doNotHaveSimpleName("package-info")
		.should()
		.haveModifier(JavaModifier.FINAL)
		.because("types are immutable records or final classes");

}
