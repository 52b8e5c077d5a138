package io.whizbang.deploy;

import io.vertx.core.Future;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.examples.orders.summary.GetOrder;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code whizbang rebuild} against a running platform's control plane.
 */
class RebuildCommandTest {
    private static final Principal ALICE = Principal.of("alice", "acme", "orders:write", "orders:read",
            "inventory:write", "inventory:read");

    @TempDir
    Path dataDir;
    private Platform platform;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() throws Exception {
        if (platform != null) {
            result(platform.stop());
        }
    }

    private int execute(String... args) {
        return new CommandLine(new Whizbang()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void aRebuildTakesOverWithANewGenerationAndTheLensesAnswerAsBefore() throws Exception {
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                .setStore(StoreLocation.memory()))));
        Dispatcher client = Dispatcher.remote(platform.vertx(), SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions());
        result(client.send(ALICE, new RestockItem("SKU-1", 10)));
        UUID order = result(client.send(ALICE, new PlaceOrder(UUID.randomUUID(),
                List.of(new OrderLine("SKU-1", 2, new BigDecimal("4.00")))))).commandId();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                assertThat(result(client.ask(ALICE, new GetOrder(order))).status()).isEqualTo(OrderStatus.CONFIRMED));

        int exit = execute("rebuild", "order-summary", "--control=http://127.0.0.1:" + platform.port(Service.CONTROL),
                "--data-dir=" + dataDir);

        assertThat(exit).as("stdout %s, stderr %s", out, err).isEqualTo(0);
        assertThat(out.toString()).contains("rebuilding order-summary beside generation")
                .containsPattern("rebuilt order-summary: generation [1-9]\\d* serves the lenses");
        assertThat(result(client.ask(ALICE, new GetOrder(order))).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void anUnknownPerspectiveIsAUsageErrorNamingTheKnownOnes() throws Exception {
        platform = result(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                .setStore(StoreLocation.memory()))));

        int exit = execute("rebuild", "no-such-view", "--control=http://127.0.0.1:" + platform.port(Service.CONTROL),
                "--data-dir=" + dataDir);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("whizbang rebuild: no perspective named no-such-view")
                .contains("order-summary").doesNotContain("\tat ");
    }

    @Test
    void noControlPlaneIsAFailureSayingWhereItLooked() {
        int exit = execute("rebuild", "order-summary", "--control=http://127.0.0.1:1", "--data-dir=" + dataDir);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("no control plane answers at http://127.0.0.1:1");
    }

    private static <T> T result(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
