package dev.siteready.architecture;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rings of docs/architecture.md, held by the build: imports point inward (platform ← core domain ← workflows ←
 * pages that combine features), features never import each other in a circle, a resource is nobody's library, and a
 * status changes only through a method of its owner's package.
 */
@AnalyzeClasses(packages = "dev.siteready", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Platform, in its own order: the base, then web helpers, then members and sessions, then their administration. */
    static final String[] BASE = { "tenant", "database", "versioning", "time" };
    static final String[] WEB = { "web" };
    static final String[] ACCOUNT = { "account" };
    static final String[] ACCOUNT_ADMIN = { "team", "apitoken" };
    /** The core domain, in its own order: catalog and sites, then projects and their scope, then scoping. */
    static final String[] CATALOG_AND_SITES = { "catalog", "site" };
    static final String[] PROJECTS = { "project" };
    static final String[] SCOPING = { "scoping" };
    static final String[] WORKFLOWS = { "partner", "onboarding", "profiling", "testing", "feasibility", "retro" };
    static final String[] PAGES = { "home", "hub", "demo" };

    @ArchTest
    static final ArchRule featuresDoNotImportEachOtherInACircle = slices().matching("dev.siteready.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule ringsPointInward = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Base").definedBy(packages(BASE))
            .layer("Web").definedBy(packages(WEB))
            .layer("Account").definedBy(packages(ACCOUNT))
            .layer("Account administration").definedBy(packages(ACCOUNT_ADMIN))
            .layer("Catalog and sites").definedBy(packages(CATALOG_AND_SITES))
            .layer("Projects").definedBy(packages(PROJECTS))
            .layer("Scoping").definedBy(packages(SCOPING))
            .layer("Workflows").definedBy(packages(WORKFLOWS))
            .layer("Pages").definedBy(packages(PAGES))
            .layer("Start-up").definedBy("dev.siteready")
            .whereLayer("Start-up").mayNotBeAccessedByAnyLayer()
            .whereLayer("Pages").mayNotBeAccessedByAnyLayer()
            .whereLayer("Workflows").mayOnlyBeAccessedByLayers("Pages")
            .whereLayer("Scoping").mayOnlyBeAccessedByLayers("Workflows", "Pages")
            .whereLayer("Projects").mayOnlyBeAccessedByLayers("Scoping", "Workflows", "Pages")
            .whereLayer("Catalog and sites").mayOnlyBeAccessedByLayers("Projects", "Scoping", "Workflows", "Pages")
            .whereLayer("Account administration").mayOnlyBeAccessedByLayers("Catalog and sites", "Projects", "Scoping",
                    "Workflows", "Pages")
            .whereLayer("Account").mayOnlyBeAccessedByLayers("Account administration", "Catalog and sites", "Projects",
                    "Scoping", "Workflows", "Pages")
            .whereLayer("Web").mayOnlyBeAccessedByLayers("Account", "Account administration", "Catalog and sites", "Projects",
                    "Scoping", "Workflows", "Pages")
            .whereLayer("Base").mayOnlyBeAccessedByLayers("Web", "Account", "Account administration", "Catalog and sites",
                    "Projects", "Scoping", "Workflows", "Pages", "Start-up");

    @ArchTest
    static final ArchRule resourcesAreNobodysLibrary = classes().should(new ArchCondition<>(
            "refer to a *Resource class only inside that resource's own package") {
        @Override
        public void check(JavaClass origin, ConditionEvents events) {
            origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                JavaClass target = topLevel(dependency.getTargetClass());
                if (target.getSimpleName().endsWith("Resource") && target.getPackageName().startsWith("dev.siteready")
                        && !target.getPackageName().equals(origin.getPackageName())) {
                    events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                }
            });
        }
    });

    @ArchTest
    static final ArchRule statusChangesOnlyInItsOwnersPackage = classes().should(new ArchCondition<>(
            "set a status field only of a class in its own package") {
        @Override
        public void check(JavaClass origin, ConditionEvents events) {
            for (JavaFieldAccess access : origin.getFieldAccessesFromSelf()) {
                if (access.getAccessType() == JavaFieldAccess.AccessType.SET && access.getTarget().getName().equals("status")
                        && !access.getTargetOwner().getPackageName().equals(origin.getPackageName())) {
                    events.add(SimpleConditionEvent.violated(access, describe(access)));
                }
            }
        }
    });

    private static String[] packages(String... names) {
        return Arrays.stream(names).map(n -> "dev.siteready." + n + "..").toArray(String[]::new);
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    private static String describe(JavaAccess<?> access) {
        return access.getDescription();
    }
}
