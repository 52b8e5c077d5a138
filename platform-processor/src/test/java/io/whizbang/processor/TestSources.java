package io.whizbang.processor;

import java.util.Map;

/**
 * Small application sources for the diagnostics tests: everything in one {@code io.t.App} class, so that a test
 * shows the few lines that break a rule.
 */
final class TestSources {
    private static final String HEADER = """
            package io.t;

            import io.vertx.core.Future;
            import io.vertx.core.json.JsonObject;
            import io.whizbang.codec.*;
            import io.whizbang.handler.*;
            import io.whizbang.ledger.StreamId;
            import io.whizbang.message.*;
            import io.whizbang.policy.*;
            import java.util.*;

            """;

    private TestSources() {
    }

    /** The members inside an {@code @WhizbangApplication public class App}. */
    static Map<String, String> app(String members) {
        return Map.of("io/t/App.java", HEADER + "@WhizbangApplication\npublic class App {\n" + members + "\n}\n");
    }

    /** The members inside a {@code public class Domain} that is not the application class. */
    static Map<String, String> withoutApplication(String members) {
        return Map.of("io/t/Domain.java", HEADER + "public class Domain {\n" + members + "\n}\n");
    }

    /** A receptor class with the given annotations, for the command, with state {@code Void}. */
    static String receptor(String annotations, String name, String command) {
        return annotations + "\npublic static class " + name + " implements Receptor<" + command + ", Void> {\n"
                + "    public StreamId streamOf(" + command + " c, CommandContext x) {\n"
                + "        return StreamId.of(\"T\", 1);\n"
                + "    }\n"
                + "    public Aggregate<Void> aggregate() { return Aggregate.stateless(); }\n"
                + "    public Decision decide(" + command + " c, Void s, CommandContext x) {\n"
                + "        return Decision.accept();\n"
                + "    }\n"
                + "}\n";
    }

    /** A lens class with the given annotations, for the query and answer. */
    static String lens(String annotations, String name, String query, String answer) {
        return annotations + "\npublic static class " + name + " implements Lens<" + query + ", " + answer + "> {\n"
                + "    public Future<" + answer + "> ask(" + query + " q, io.whizbang.handler.LensContext c) {\n"
                + "        return Future.failedFuture(\"unused\");\n"
                + "    }\n"
                + "}\n";
    }

    /** A command, an event and a public receptor joining them, for tests about something else. */
    static String placeOrderFlow() {
        return """
                public record PlaceOrder(String orderId) implements Command { }
                @SchemaVersion(1) public record OrderPlaced(String orderId) implements Event { }
                """ + receptor("@PublicAccess @Emits(OrderPlaced.class)", "PlaceOrderReceptor", "PlaceOrder");
    }
}
