package io.whizbang.processor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class PerspectiveAndSagaRulesTest {
    private static final String MESSAGES = """
            public record ReserveStock(String orderId) implements Command { }
            @SchemaVersion(1) public record OrderPlaced(String orderId) implements Event { }
            @SchemaVersion(1) public record ParcelLost(String trackingCode) implements Event { }
            public record Summary(String orderId) { }
            public record Fulfillment(boolean placed) { }
            """;

    @TempDir
    Path dir;

    @Test
    void onMethodWhoseParameterIsNotAMessageFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                public static class SummaryPerspective implements Perspective<Summary> {
                    @On public void on(String placed, Documents<Summary> documents) { }
                }
                """));

        compilation.assertFailedWith("parameter 'placed' of io.t.App.SummaryPerspective.on is not a message type: "
                + "java.lang.String");
    }

    @Test
    void onMethodForACommandFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                public static class SummaryPerspective implements Perspective<Summary> {
                    @On public void on(ReserveStock reserve, Documents<Summary> documents) { }
                }
                """));

        compilation.assertFailedWith("parameter 'reserve' of io.t.App.SummaryPerspective.on is a command, not an "
                + "event");
    }

    @Test
    void perspectiveOnMethodOfAnotherShapeFailsNamingTheShapes() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                public static class SummaryPerspective implements Perspective<Summary> {
                    @On public void on(OrderPlaced placed, Documents<Fulfillment> documents) { }
                }
                """));

        compilation.assertFailedWith("@On method io.t.App.SummaryPerspective.on has an unsupported shape",
                "void on(SomeEvent event, Documents<Summary> documents)",
                "void on(SomeEvent event, Documents<Summary> documents, EventContext context)");
    }

    @Test
    void perspectiveWithoutOnMethodFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                public static class SummaryPerspective implements Perspective<Summary> { }
                """));

        compilation.assertFailedWith("perspective io.t.App.SummaryPerspective has no @On method");
    }

    @Test
    void twoOnMethodsForOneEventFail() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                public static class SummaryPerspective implements Perspective<Summary> {
                    @On public void on(OrderPlaced placed, Documents<Summary> documents) { }
                    @On public void again(OrderPlaced placed, Documents<Summary> documents, EventContext c) { }
                }
                """));

        compilation.assertFailedWith("perspective io.t.App.SummaryPerspective has two @On methods for event "
                + "io.t.App.OrderPlaced: on and again; keep one");
    }

    @Test
    void perspectiveModelThatIsNotARecordFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                public static class SummaryPerspective implements Perspective<String> {
                    @On public void on(OrderPlaced placed, Documents<String> documents) { }
                }
                """));

        compilation.assertFailedWith("model type java.lang.String of perspective io.t.App.SummaryPerspective must "
                + "be a record");
    }

    @Test
    void invalidPerspectiveNameFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                @Name("Order Summary") public static class SummaryPerspective implements Perspective<Summary> {
                    @On public void on(OrderPlaced placed, Documents<Summary> documents) { }
                }
                """));

        compilation.assertFailedWith("@Name(\"Order Summary\") of perspective io.t.App.SummaryPerspective must be "
                + "lowercase letters, digits and dashes");
    }

    @Test
    void twoPerspectivesWithOneNameFail() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                public static class SummaryPerspective implements Perspective<Summary> {
                    @On public void on(OrderPlaced placed, Documents<Summary> documents) { }
                }
                @Name("summary") public static class OtherPerspective implements Perspective<Fulfillment> {
                    @On public void on(OrderPlaced placed, Documents<Fulfillment> documents) { }
                }
                """));

        compilation.assertFailedWith("perspectives io.t.App.SummaryPerspective and io.t.App.OtherPerspective are "
                + "both named \"summary\"");
    }

    @Test
    void onMethodOutsideAPerspectiveOrSagaFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                public static class Listener {
                    @On public void on(OrderPlaced placed) { }
                }
                """));

        compilation.assertFailedWith("@On method io.t.App.Listener.on is in a class that is neither a Perspective "
                + "nor a Saga");
    }

    @Test
    void sagaEventWithoutTheCorrelationComponentFailsNamingBoth() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                @CorrelateBy("orderId")
                public static class FulfillmentSaga implements Saga<Fulfillment> {
                    public Fulfillment initial() { return new Fulfillment(false); }
                    @On public Fulfillment on(OrderPlaced e, Fulfillment s, SagaContext c) { return s; }
                    @On public Fulfillment on(ParcelLost e, Fulfillment s, SagaContext c) { return s; }
                }
                """));

        compilation.assertFailedWith("event io.t.App.ParcelLost handled by saga io.t.App.FulfillmentSaga has no "
                + "component 'orderId' named by @CorrelateBy");
    }

    @Test
    void sagaWithoutCorrelateByFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                public static class FulfillmentSaga implements Saga<Fulfillment> {
                    public Fulfillment initial() { return new Fulfillment(false); }
                    @On public Fulfillment on(OrderPlaced e, Fulfillment s, SagaContext c) { return s; }
                }
                """));

        compilation.assertFailedWith("saga io.t.App.FulfillmentSaga does not say which event component names its "
                + "instance: add @CorrelateBy(\"orderId\")");
    }

    @Test
    void sagaOnMethodOfAnotherShapeFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                @CorrelateBy("orderId")
                public static class FulfillmentSaga implements Saga<Fulfillment> {
                    public Fulfillment initial() { return new Fulfillment(false); }
                    @On public void on(OrderPlaced e, Fulfillment s) { }
                }
                """));

        compilation.assertFailedWith("@On method io.t.App.FulfillmentSaga.on has an unsupported shape: a saga "
                + "handles an event with Fulfillment on(SomeEvent event, Fulfillment state, SagaContext context)");
    }

    @Test
    void sagaSendingTheCommandInterfaceFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + """
                @CorrelateBy("orderId") @Sends(Command.class)
                public static class FulfillmentSaga implements Saga<Fulfillment> {
                    public Fulfillment initial() { return new Fulfillment(false); }
                    @On public Fulfillment on(OrderPlaced e, Fulfillment s, SagaContext c) { return s; }
                }
                """));

        compilation.assertFailedWith("@Sends of saga io.t.App.FulfillmentSaga lists io.whizbang.message.Command, "
                + "which is not a command");
    }
}
