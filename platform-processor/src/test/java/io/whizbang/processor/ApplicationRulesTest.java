package io.whizbang.processor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationRulesTest {
    private static final String UPCASTED_EVENT = """
            @SchemaVersion(2) public record OrderPlaced(String orderId) implements Event { }
            """;

    @TempDir
    Path dir;

    @Test
    void missingApplicationFailsWithFix() {
        Compilation compilation = Compilation.process(dir, TestSources.withoutApplication(
                TestSources.placeOrderFlow()));

        compilation.assertFailedWith("add @WhizbangApplication to one class of this module");
    }

    @Test
    void twoApplicationsFailNamingBoth() {
        Map<String, String> sources = new HashMap<>(TestSources.app(TestSources.placeOrderFlow()));
        sources.put("io/t/Other.java", """
                package io.t;
                @io.whizbang.handler.WhizbangApplication
                public class Other { }
                """);

        Compilation compilation = Compilation.process(dir, sources);

        compilation.assertFailedWith("io.t.App and io.t.Other carry @WhizbangApplication: keep it on one class");
    }

    @Test
    void applicationNameThatIsNoFileNameFails() {
        Compilation compilation = Compilation.process(dir, Map.of("io/t/App.java", """
                package io.t;
                @io.whizbang.handler.WhizbangApplication(name = "my app")
                public class App { }
                """));

        compilation.assertFailedWith("application name \"my app\" of io.t.App must be letters, digits");
    }

    @Test
    void compilationWithoutWhizbangTypesGeneratesNothing() {
        Compilation compilation = Compilation.process(dir, Map.of("io/t/Plain.java", """
                package io.t;
                public record Plain(String name) { }
                """));

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.generatedSources()).isEmpty();
    }

    @Test
    void upcasterFromTheCurrentVersionFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(UPCASTED_EVENT + """
                @Upcasts(value = OrderPlaced.class, from = 2)
                public static JsonObject v2ToV3(JsonObject stored) { return stored; }
                """));

        compilation.assertFailedWith("@Upcasts(from = 2) of io.t.App.v2ToV3 reads version 2 of event "
                + "io.t.App.OrderPlaced, whose current @SchemaVersion is 2", "raise @SchemaVersion");
    }

    @Test
    void upcasterFromVersionZeroFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(UPCASTED_EVENT + """
                @Upcasts(value = OrderPlaced.class, from = 0)
                public static JsonObject v0ToV1(JsonObject stored) { return stored; }
                """));

        compilation.assertFailedWith("@Upcasts(from = 0) of io.t.App.v0ToV1 must be at least 1");
    }

    @Test
    void upcasterOfAnotherShapeFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(UPCASTED_EVENT + """
                @Upcasts(value = OrderPlaced.class, from = 1)
                public JsonObject v1ToV2(JsonObject stored) { return stored; }
                """));

        compilation.assertFailedWith("upcaster io.t.App.v1ToV2 must be a static, non-private method "
                + "JsonObject v1ToV2(JsonObject stored)");
    }

    @Test
    void twoUpcastersOfOneVersionFail() {
        Compilation compilation = Compilation.process(dir, TestSources.app(UPCASTED_EVENT + """
                @Upcasts(value = OrderPlaced.class, from = 1)
                public static JsonObject v1ToV2(JsonObject stored) { return stored; }
                @Upcasts(value = OrderPlaced.class, from = 1)
                public static JsonObject again(JsonObject stored) { return stored; }
                """));

        compilation.assertFailedWith("upcasters io.t.App.v1ToV2 and io.t.App.again both read event "
                + "io.t.App.OrderPlaced version 1: keep one");
    }
}
