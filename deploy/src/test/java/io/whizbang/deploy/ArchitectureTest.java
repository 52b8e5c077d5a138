package io.whizbang.deploy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import io.whizbang.deploy.archfixture.ImplImporter;
import io.whizbang.deploy.archfixture.ReflectiveLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the house that a compiler cannot check, over every production class of every module on the
 * launcher's class path: no reflection, and no reaching into another module's {@code impl} packages.
 */
class ArchitectureTest {
    /** The packages of platform-core, the only module allowed to use {@code io.whizbang.impl}. */
    static final String[] PLATFORM_CORE = {
        "io.whizbang.message..", "io.whizbang.error..", "io.whizbang.codec..", "io.whizbang.handler..",
        "io.whizbang.policy..", "io.whizbang.registry..", "io.whizbang.ledger..", "io.whizbang.projection..",
        "io.whizbang.dispatch..", "io.whizbang.security..", "io.whizbang.testing..", "io.whizbang.runtime..",
        "io.whizbang.impl.."
    };

    static final ArchRule NO_REFLECTION = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.lang.reflect..")
            .because("handlers, codecs and routes are generated at compile time; nothing looks them up at run time");

    static final ArchRule NO_CLASS_FOR_NAME = noClasses()
            .should().callMethodWhere(DescribedPredicate.describe("target is Class.forName(..)",
                    call -> call.getTarget().getOwner().isEquivalentTo(Class.class)
                            && call.getTarget().getName().equals("forName")))
            .because("classes are named in generated code, never loaded by name");

    static final ArchRule IMPL_STAYS_IN_PLATFORM_CORE = noClasses()
            .that().resideOutsideOfPackages(PLATFORM_CORE)
            .should().dependOnClassesThat().resideInAPackage("io.whizbang.impl..")
            .because("impl is private to platform-core; other modules use its API and SPI");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::isNotTheProcessor)
                .importPackages("io.whizbang");
    }

    private static boolean isNotTheProcessor(Location location) {
        return !location.contains("/io/whizbang/processor/");
    }

    @Test
    void importSeesEveryModuleOnTheClassPath() {
        assertThat(production.containPackage("io.whizbang.dispatch")).isTrue();
        assertThat(production.containPackage("io.whizbang.impl.dispatch")).isTrue();
        assertThat(production.containPackage("io.whizbang.deploy")).isTrue();
        assertThat(production.containPackage("io.whizbang.examples")).isTrue();
        assertThat(production.containPackage("io.whizbang.processor")).isFalse();
        assertThat(production.containPackage("io.whizbang.deploy.archfixture")).isFalse();
    }

    @Test
    void noProductionClassUsesJavaLangReflect() {
        NO_REFLECTION.check(production);
    }

    @Test
    void noProductionClassCallsClassForName() {
        NO_CLASS_FOR_NAME.check(production);
    }

    @Test
    void onlyPlatformCoreUsesImplPackages() {
        IMPL_STAYS_IN_PLATFORM_CORE.check(production);
    }

    @Test
    void rulesReportViolationsInClassesThatBreakThem() {
        JavaClasses offenders = new ClassFileImporter().importClasses(ReflectiveLoader.class, ImplImporter.class);

        assertThat(NO_REFLECTION.evaluate(offenders).hasViolation()).isTrue();
        assertThat(NO_CLASS_FOR_NAME.evaluate(offenders).hasViolation()).isTrue();
        assertThat(IMPL_STAYS_IN_PLATFORM_CORE.evaluate(offenders).hasViolation()).isTrue();
    }

    @Test
    void rulesPassClassesThatKeepThem() {
        JavaClasses clean = new ClassFileImporter().importClasses(StoreLocation.class, Service.class);

        assertThat(NO_REFLECTION.evaluate(clean).hasViolation()).isFalse();
        assertThat(NO_CLASS_FOR_NAME.evaluate(clean).hasViolation()).isFalse();
        assertThat(IMPL_STAYS_IN_PLATFORM_CORE.evaluate(clean).hasViolation()).isFalse();
    }
}
