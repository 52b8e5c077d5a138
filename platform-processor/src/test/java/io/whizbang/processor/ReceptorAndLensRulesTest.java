package io.whizbang.processor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.whizbang.processor.TestSources.lens;
import static io.whizbang.processor.TestSources.receptor;

class ReceptorAndLensRulesTest {
    private static final String MESSAGES = """
            public record PlaceOrder(String orderId) implements Command { }
            @SchemaVersion(1) public record OrderPlaced(String orderId) implements Event { }
            public record OrderView(String orderId) { }
            public record GetOrder(String orderId) implements Query<OrderView> { }
            """;

    @TempDir
    Path dir;

    @Test
    void receptorWithoutScopeFailsWithFix() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES
                + receptor("@Emits(OrderPlaced.class)", "PlaceOrderReceptor", "PlaceOrder")));

        compilation.assertFailedWith("receptor io.t.App.PlaceOrderReceptor declares no scope: "
                + "add @RequiresScope(\"...\") or @PublicAccess");
    }

    @Test
    void receptorWithScopeAndPublicAccessFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + receptor(
                "@RequiresScope(\"orders:write\") @PublicAccess @Emits(OrderPlaced.class)", "PlaceOrderReceptor",
                "PlaceOrder")));

        compilation.assertFailedWith("receptor io.t.App.PlaceOrderReceptor has both @RequiresScope and "
                + "@PublicAccess: keep only one");
    }

    @Test
    void blankScopeFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES
                + receptor("@RequiresScope(\" \") @Emits(OrderPlaced.class)", "PlaceOrderReceptor", "PlaceOrder")));

        compilation.assertFailedWith("@RequiresScope of receptor io.t.App.PlaceOrderReceptor is blank");
    }

    @Test
    void twoReceptorsForOneCommandFailNamingBoth() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES
                + receptor("@PublicAccess @Emits(OrderPlaced.class)", "PlaceOrderReceptor", "PlaceOrder")
                + receptor("@PublicAccess @Emits(OrderPlaced.class)", "OtherReceptor", "PlaceOrder")));

        compilation.assertFailedWith("receptors io.t.App.PlaceOrderReceptor and io.t.App.OtherReceptor both "
                + "receive command io.t.App.PlaceOrder: keep one receptor per command");
    }

    @Test
    void receptorWithoutEmitsFailsWithFix() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES
                + receptor("@PublicAccess", "PlaceOrderReceptor", "PlaceOrder")));

        compilation.assertFailedWith("receptor io.t.App.PlaceOrderReceptor does not declare the events it emits: "
                + "add @Emits({...})");
    }

    @Test
    void emitsListingTheEventInterfaceFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES
                + receptor("@PublicAccess @Emits({OrderPlaced.class, Event.class})", "PlaceOrderReceptor",
                "PlaceOrder")));

        compilation.assertFailedWith("@Emits of receptor io.t.App.PlaceOrderReceptor lists io.whizbang.message.Event, "
                + "which is not an event: list only records implementing Event");
    }

    @Test
    void receptorOfACommandInterfaceFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES
                + "public interface OrderCommand extends Command { }\n"
                + receptor("@PublicAccess @Emits(OrderPlaced.class)", "OrderReceptor", "OrderCommand")));

        compilation.assertFailedWith("receptor io.t.App.OrderReceptor receives io.t.App.OrderCommand, which is not "
                + "a command: its first type argument must be a record implementing Command");
    }

    @Test
    void handlerWithoutNoArgConstructorFailsWithFix() {
        String withConstructor = receptor("@PublicAccess @Emits(OrderPlaced.class)", "PlaceOrderReceptor",
                "PlaceOrder").replace("implements Receptor<PlaceOrder, Void> {",
                "implements Receptor<PlaceOrder, Void> {\n    public PlaceOrderReceptor(String clock) { }");
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + withConstructor));

        compilation.assertFailedWith("io.t.App.PlaceOrderReceptor needs a public no-arg constructor, "
                + "or pass an instance through Instances");
    }

    @Test
    void handlerThatIsNotPublicFails() {
        String hidden = receptor("@PublicAccess @Emits(OrderPlaced.class)", "PlaceOrderReceptor", "PlaceOrder")
                .replace("public static class", "static class");
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + hidden));

        compilation.assertFailedWith("io.t.App.PlaceOrderReceptor must be public");
    }

    @Test
    void badPolicyValueFailsOnTheAnnotation() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + receptor(
                "@PublicAccess @Emits(OrderPlaced.class) @Retry(maxAttempts = 0)", "PlaceOrderReceptor",
                "PlaceOrder")));

        compilation.assertFailedWith("@Retry on io.t.App.PlaceOrderReceptor: retry maxAttempts must be at least 1, "
                + "was 0");
    }

    @Test
    void badTimeoutOnAMessageFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(
                MESSAGES.replace("public record PlaceOrder", "@Timeout(millis = 0) public record PlaceOrder")
                        + receptor("@PublicAccess @Emits(OrderPlaced.class)", "PlaceOrderReceptor", "PlaceOrder")));

        compilation.assertFailedWith("@Timeout on io.t.App.PlaceOrder: timeout millis must be at least 1, was 0");
    }

    @Test
    void cachedOnACommandFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES + receptor(
                "@PublicAccess @Emits(OrderPlaced.class) @Cached(ttlMillis = 100)", "PlaceOrderReceptor",
                "PlaceOrder")));

        compilation.assertFailedWith("@Cached on io.t.App.PlaceOrderReceptor has no effect: only queries and lenses "
                + "have answers to cache");
    }

    @Test
    void lensWithoutScopeFailsWithFix() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES
                + lens("", "GetOrderLens", "GetOrder", "OrderView")));

        compilation.assertFailedWith("lens io.t.App.GetOrderLens declares no scope: "
                + "add @RequiresScope(\"...\") or @PublicAccess");
    }

    @Test
    void twoLensesForOneQueryFailNamingBoth() {
        Compilation compilation = Compilation.process(dir, TestSources.app(MESSAGES
                + lens("@PublicAccess", "GetOrderLens", "GetOrder", "OrderView")
                + lens("@PublicAccess", "OtherLens", "GetOrder", "OrderView")));

        compilation.assertFailedWith("lenses io.t.App.GetOrderLens and io.t.App.OtherLens both answer query "
                + "io.t.App.GetOrder: keep one lens per query");
    }

    @Test
    void lensAnswerThatIsNotARecordFails() {
        Compilation compilation = Compilation.process(dir, TestSources.app("""
                public record CountOrders(String customer) implements Query<Long> { }
                """ + lens("@PublicAccess", "CountOrdersLens", "CountOrders", "Long")));

        compilation.assertFailedWith("answer type java.lang.Long of lens io.t.App.CountOrdersLens must be a record");
    }
}
