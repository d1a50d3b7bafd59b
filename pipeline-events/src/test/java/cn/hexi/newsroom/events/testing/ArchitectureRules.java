package cn.hexi.newsroom.events.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture every module keeps, as ArchUnit rules its own test checks against its classes: domain cores free
 * of Spring, Kafka and MongoDB; HanLP behind one package; no package cycles; controllers that depend on services, not
 * on each other.
 */
public final class ArchitectureRules {

    public static final String ROOT = "cn.hexi.newsroom";

    private ArchitectureRules() {
    }

    /** Checks a module's main classes (under {@code modulePackage}) against its own rules and the package-cycle rule. */
    public static void checkModule(String modulePackage, ArchRule... moduleRules) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(modulePackage);
        for (ArchRule rule : moduleRules) {
            rule.check(classes);
        }
        noPackageCycles().check(classes);
    }

    /** Classes in the core's packages (all but the adapters' and the application class) import no framework or driver. */
    public static ArchRule plainCore(String corePackage, String... adapterPackages) {
        return noClasses().that().resideInAPackage(corePackage + "..").and().resideOutsideOfPackages(adapterPackages)
                .and().haveSimpleNameNotEndingWith("Application")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..")
                .as("the domain core in " + corePackage + " imports no Spring, Kafka or MongoDB");
    }

    /** A library used through one package only (HanLP through {@code enrich.nlp}). */
    public static ArchRule onlyThrough(String libraryPackage, String gatewayPackage) {
        return noClasses().that().resideOutsideOfPackage(gatewayPackage).should().dependOnClassesThat().resideInAPackage(libraryPackage)
                .as(libraryPackage + " is used through " + gatewayPackage + " only");
    }

    /**
     * No two packages under {@link #ROOT} depend on each other, directly or around a longer cycle. The composition
     * root, which wires every package (the application class, and its beans in a {@code *Wiring} class of their own so
     * that test slices leave them out), is left out.
     */
    public static ArchRule noPackageCycles() {
        return slices().matching(ROOT + ".(**)").should().beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.simpleNameEndingWith("Application").or(JavaClass.Predicates.simpleNameEndingWith("Wiring")),
                        DescribedPredicate.alwaysTrue())
                .as("no package cycles");
    }

    /** A controller depends on services, never on another controller. */
    public static ArchRule controllersIndependent() {
        return noClasses().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().dependOnClassesThat().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .as("no controller depends on another");
    }
}
