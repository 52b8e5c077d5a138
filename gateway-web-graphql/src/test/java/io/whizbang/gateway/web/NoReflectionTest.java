package io.whizbang.gateway.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own classes keep the house rules: no {@code java.lang.reflect}, no {@code Class.forName}, nothing of
 * platform-core's {@code impl}; graphql-java reads the gateway's answers as maps, never as beans.
 */
class NoReflectionTest {
    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    @Test
    void theGatewayIsImported() {
        assertThat(GATEWAY.contain(WebGatewayVerticle.class)).isTrue();
    }

    @Test
    void noGatewayClassUsesReflection() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.lang.reflect..").check(GATEWAY);
    }

    @Test
    void noGatewayClassLoadsClassesByName() {
        noClasses().should().callMethod(Class.class, "forName", String.class).check(GATEWAY);
    }

    @Test
    void noGatewayClassUsesPlatformCoreImpl() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.whizbang.impl..").check(GATEWAY);
    }

    @Test
    void noGatewayClassUsesGraphqlJavasPropertyDataFetcher() {
        noClasses().should().dependOnClassesThat().haveSimpleName("PropertyDataFetcher").check(GATEWAY);
    }
}
