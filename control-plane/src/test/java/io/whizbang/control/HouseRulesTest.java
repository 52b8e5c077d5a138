package io.whizbang.control;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control plane keeps the house rules: no {@code java.lang.reflect}, no {@code Class.forName}, nothing of
 * platform-core's {@code impl}, and no application class: it meets the application only on the event bus.
 */
class HouseRulesTest {
    private static final JavaClasses CONTROL_PLANE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.whizbang.control");

    @Test
    void theControlPlaneIsImported() {
        assertThat(CONTROL_PLANE.contain(ControlPlaneVerticle.class)).isTrue();
        assertThat(CONTROL_PLANE.contain(ControlBroadcast.class)).isTrue();
    }

    @Test
    void noClassUsesReflection() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.lang.reflect..").check(CONTROL_PLANE);
    }

    @Test
    void noClassLoadsClassesByName() {
        noClasses().should().callMethod(Class.class, "forName", String.class).check(CONTROL_PLANE);
    }

    @Test
    void noClassUsesPlatformCoreImplOrTheApplication() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.whizbang.impl..", "io.whizbang.examples..")
                .check(CONTROL_PLANE);
    }
}
