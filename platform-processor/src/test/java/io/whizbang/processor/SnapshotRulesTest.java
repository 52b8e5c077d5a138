package io.whizbang.processor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.JsonCodec;
import io.whizbang.codec.MessageCodec;
import io.whizbang.registry.Registry;
import io.whizbang.registry.SnapshotPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotRulesTest {
    @TempDir
    Path dir;

    @Test
    void snapshottedStateGetsACodecAndAPolicySortedByTypeName() throws ReflectiveOperationException {
        Compilation compilation = Compilation.compile(dir, TestSources.app("""
                @Snapshotted(every = 100) public record Order(String orderId, List<Line> lines) { }
                public record Line(String sku, int quantity) { }
                public static class Shop {
                    @Snapshotted(every = 10, schemaVersion = 3) public record Cart(Set<String> skus) { }
                }
                """));
        assertThat(compilation.succeeded()).as("%s", compilation.diagnostics()).isTrue();
        ClassLoader loader = compilation.classLoader();
        Class<?> order = loader.loadClass("io.t.App$Order");
        Class<?> cart = loader.loadClass("io.t.App$Shop$Cart");
        Registry registry = (Registry) loader.loadClass("io.t.AppRegistry").getMethod("create").invoke(null);
        JsonObject json = new JsonObject().put("orderId", "o-1")
                .put("lines", new JsonArray().add(new JsonObject().put("sku", "A-1").put("quantity", 2)));

        // when
        Codecs codecs = registry.codecs();
        JsonCodec<?> codec = codecs.of(order);
        Object decoded = codec.decode(json);

        // then
        assertThat(registry.snapshots()).containsExactly(new SnapshotPolicy<>(cart, "Cart", 10, 3),
                new SnapshotPolicy<>(order, "Order", 100, 1));
        assertThat(codec).isNotInstanceOf(MessageCodec.class);
        assertThat(codecs.encode(decoded)).isEqualTo(json);
        assertThat(codecs.of(cart)).isNotNull();
        assertThat(new JsonObject(registry.flowMap()).getJsonArray("snapshots")).containsExactly(
                new JsonObject().put("state", "Cart").put("every", 10).put("schemaVersion", 3),
                new JsonObject().put("state", "Order").put("every", 100).put("schemaVersion", 1));
    }

    @Test
    void registryWithoutSnapshotsHasAnEmptyList() {
        Compilation compilation = Compilation.process(dir, TestSources.app(TestSources.placeOrderFlow()));

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.generatedSource("io.t.AppRegistry"))
                .contains("List<SnapshotPolicy<?>> snapshots = List.of();")
                .contains("FLOW_MAP, snapshots, AppRegistry::receptorOf);");
    }

    @Test
    void snapshottedClassFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @Snapshotted(every = 10) public static class Order { }
                """));

        compilation.assertFailedWith("@Snapshotted class io.t.App.Order is not a record", "make it a record");
    }

    @Test
    void snapshottedInterfaceFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @Snapshotted(every = 10) public interface Order { }
                """));

        compilation.assertFailedWith("@Snapshotted interface io.t.App.Order is not a record");
    }

    @Test
    void intervalBelowOneFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @Snapshotted(every = 0) public record Order(String orderId) { }
                """));

        compilation.assertFailedWith("@Snapshotted(every = 0) of io.t.App.Order must be at least 1");
    }

    @Test
    void schemaVersionBelowOneFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @Snapshotted(every = 10, schemaVersion = 0) public record Order(String orderId) { }
                """));

        compilation.assertFailedWith("@Snapshotted(schemaVersion = 0) of io.t.App.Order must be at least 1");
    }

    @Test
    void genericStateFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @Snapshotted(every = 10) public record Order<T>(T value) { }
                """));

        compilation.assertFailedWith("@Snapshotted record io.t.App.Order has type parameters",
                "give its components concrete types");
    }

    @Test
    void componentWithoutJsonFormFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @Snapshotted(every = 10) public record Order(java.util.Date placedAt) { }
                """));

        compilation.assertFailedWith("component 'placedAt' of record io.t.App.Order has type java.util.Date, "
                + "which has no JSON form: use " + FieldTypes.SUPPORTED);
    }

    @Test
    void twoStatesOfTheSameSimpleNameFail() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @Snapshotted(every = 10) public record Order(String orderId) { }
                public static class Archive {
                    @Snapshotted(every = 10) public record Order(String orderId) { }
                }
                """));

        compilation.assertFailedWith("@Snapshotted records io.t.App.Archive.Order and io.t.App.Order share the "
                + "snapshot type name \"Order\": rename one of them");
    }

    @Test
    void stateTheRegistryCannotSeeFails() {
        Map<String, String> sources = new HashMap<>(TestSources.app(""));
        sources.put("io/t/state/Order.java", """
                package io.t.state;
                @io.whizbang.handler.Snapshotted(every = 10)
                record Order(String orderId) { }
                """);

        Compilation compilation = Compilation.process(dir, sources);

        compilation.assertFailedWith("@Snapshotted record io.t.state.Order must be public", "the generated registry "
                + "in package io.t refers to it");
    }

    @Test
    void stateWithoutApplicationFails() {
        Compilation compilation = Compilation.process(dir, TestSources.withoutApplication("""
                @Snapshotted(every = 10) public record Order(String orderId) { }
                """));

        compilation.assertFailedWith("add @WhizbangApplication to one class of this module");
    }
}
