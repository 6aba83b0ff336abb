package health.continuum;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering each package-info states, checked over the compiled imports so that a later change cannot quietly break
 * it: a capability's pure core is the package itself (health.continuum.medication), its HAPI and Spring glue the
 * sub-package {@code glue}; the server wiring knows no capability.
 */
@AnalyzeClasses(packages = "health.continuum", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String PURE_CORES = "health.continuum.*";
    private static final String SERVER = "health.continuum.server";

    @ArchTest
    static final ArchRule pureCoresUseNoFhirModelHapiSpringOrServer = noClasses()
            .that().resideInAPackage(PURE_CORES).and().resideOutsideOfPackage(SERVER)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "ca.uhn.fhir..", "org.hl7.fhir..", "org.springframework..", "jakarta..", SERVER + "..")
            .because("a capability's core is plain Java, read and tested without a server; its glue is in .glue");

    @ArchTest
    static final ArchRule pureCoresDoNotUseGlue = noClasses()
            .that().resideInAPackage(PURE_CORES).and().resideOutsideOfPackage(SERVER)
            .should().dependOnClassesThat().resideInAPackage("health.continuum..glue..")
            .because("glue depends on its core, never the reverse");

    @ArchTest
    static final ArchRule serverImportsNoCapability = noClasses()
            .that().resideInAPackage(SERVER + "..")
            .should().dependOnClassesThat(resideInAPackage("health.continuum..")
                    .and(not(resideInAPackage(SERVER + ".."))))
            .because("capabilities register with the server through its interfaces (ContinuumServerInterceptor,"
                    + " ContinuumOperationProvider, StartsBeforeStorage), so adding one never edits the wiring");

    @ArchTest
    static final ArchRule glueIsTheOnlySubPackage = classes()
            .that().resideInAPackage("health.continuum.*.*..")
            .should().resideInAPackage("health.continuum.*.glue")
            .because("every capability puts its HAPI and Spring glue in one place of one name");

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("health.continuum.(*)..")
            .should().beFreeOfCycles();
}
