package io.whizbang.gateway.mobile;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own classes keep the house rules: no {@code java.lang.reflect}, no {@code Class.forName}, nothing of
 * platform-core's {@code impl}; bodies and answers go through the sample's generated codecs.
 */
class HouseRulesTest {
    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.whizbang.gateway.mobile");

    @Test
    void theGatewayIsImported() {
        assertThat(GATEWAY.contain(MobileGatewayVerticle.class)).isTrue();
        assertThat(GATEWAY.contain(OrderRoutes.class)).isTrue();
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
    void noGatewayClassMapsBodiesToBeansByReflection() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe(
                "asPojo or mapTo", call -> call.getTarget().getName().equals("asPojo")
                        || call.getTarget().getName().equals("mapTo"))).check(GATEWAY);
    }
}
