package io.whizbang.processor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class CodecRulesTest {
    @TempDir
    Path dir;

    @Test
    void unsupportedComponentTypeFailsListingTheSupportedTypes() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                public record PlaceOrder(String orderId, java.util.Date placedAt) implements Command { }
                """));

        compilation.assertFailedWith("component 'placedAt' of record io.t.App.PlaceOrder has type java.util.Date, "
                + "which has no JSON form: use " + FieldTypes.SUPPORTED);
    }

    @Test
    void unsupportedTypeInsideAListIsNamed() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                public record PlaceOrder(List<Object> items) implements Command { }
                """));

        compilation.assertFailedWith("component 'items' of record io.t.App.PlaceOrder has type "
                + "java.util.List<java.lang.Object>, and java.lang.Object in it, which has no JSON form");
    }

    @Test
    void unsupportedTypeInANestedRecordIsReportedThere() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                public record Line(String sku, int[] sizes) { }
                public record PlaceOrder(List<Line> lines) implements Command { }
                """));

        compilation.assertFailedWith("component 'sizes' of record io.t.App.Line has type int[]");
    }

    @Test
    void mapWithNonStringKeysFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                public record PlaceOrder(Map<Integer, String> lines) implements Command { }
                """));

        compilation.assertFailedWith("component 'lines' of record io.t.App.PlaceOrder has type "
                + "java.util.Map<java.lang.Integer,java.lang.String>");
    }

    @Test
    void nestedOptionalFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                public record PlaceOrder(List<Optional<String>> notes) implements Command { }
                """));

        compilation.assertFailedWith("component 'notes' of record io.t.App.PlaceOrder", "java.util.Optional");
    }

    @Test
    void genericRecordFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                public record Summary<T>(T value) { }
                public record Holder(Summary<String> summary) { }
                @SchemaVersion(1) public record Noted(Holder holder) implements Event { }
                """));

        compilation.assertFailedWith("component 'summary' of record io.t.App.Holder has type "
                + "io.t.App.Summary<java.lang.String>");
    }

    @Test
    void genericMessageRecordFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                @SchemaVersion(1) public record Changed<T>(String id) implements Event { }
                """));

        compilation.assertFailedWith("record io.t.App.Changed has type parameters",
                "give its components concrete types");
    }

    @Test
    void privateNestedRecordFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                private record Line(String sku) { }
                public record PlaceOrder(List<Line> lines) implements Command { }
                """));

        compilation.assertFailedWith("record io.t.App.Line must not be private");
    }
}
