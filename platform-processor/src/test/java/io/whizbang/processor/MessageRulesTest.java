package io.whizbang.processor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class MessageRulesTest {
    @TempDir
    Path dir;

    @Test
    void eventWithoutSchemaVersionFailsWithFix() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                public record OrderPlaced(String orderId) implements Event { }
                """));

        compilation.assertFailedWith("event io.t.App.OrderPlaced has no schema version: add @SchemaVersion(1)");
    }

    @Test
    void schemaVersionBelowOneFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @SchemaVersion(0) public record OrderPlaced(String orderId) implements Event { }
                """));

        compilation.assertFailedWith("@SchemaVersion(0) of io.t.App.OrderPlaced must be at least 1");
    }

    @Test
    void messageThatIsNotARecordFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                public static final class PlaceOrder implements Command { }
                """));

        compilation.assertFailedWith(
                "io.t.App.PlaceOrder implements Command but is not a record; messages are immutable records");
    }

    @Test
    void messageOfTwoKindsFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @SchemaVersion(1) public record Both(String id) implements Command, Event { }
                """));

        compilation.assertFailedWith("io.t.App.Both implements Command and Event", "implement only one");
    }

    @Test
    void twoMessagesWithOneTypeNameFailNamingBoth() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                public record PlaceOrder(String id) implements Command { }
                @TypeName("PlaceOrder") public record PlaceOrderV2(String id) implements Command { }
                """));

        compilation.assertFailedWith("io.t.App.PlaceOrder and io.t.App.PlaceOrderV2 share the type name "
                + "\"PlaceOrder\"", "@TypeName");
    }

    @Test
    void typeNameWithSpacesFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @TypeName("place order") public record PlaceOrder(String id) implements Command { }
                """));

        compilation.assertFailedWith("@TypeName(\"place order\") of io.t.App.PlaceOrder must be letters, digits");
    }

    @Test
    void policyOnAnEventFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @SchemaVersion(1) @Retry public record OrderPlaced(String id) implements Event { }
                """));

        compilation.assertFailedWith("@Retry on event io.t.App.OrderPlaced has no effect", "remove it");
    }
}
