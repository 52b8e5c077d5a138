package io.whizbang.deploy;

import io.vertx.core.Future;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.testing.ManualClock;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.Stock;
import io.whizbang.examples.inventory.reserve.ReserveStock;
import io.whizbang.examples.inventory.reserve.ReserveStockReceptor;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.examples.orders.summary.GetOrder;
import io.whizbang.examples.orders.summary.OrderSummary;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.registry.Instances;
import io.whizbang.registry.Registry;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fulfilment saga's deadline outlives the process: an order whose stock reservation is never answered is
 * cancelled when its deadline has passed, by the platform started again on the same data directory.
 */
class SagaDeadlineRestartTest {
    private static final Principal ALICE = Principal.of("alice", "acme", "orders:write", "orders:read");

    @TempDir
    Path dataDir;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private Platform platform;

    @AfterEach
    void stop() throws Exception {
        if (platform != null) {
            result(platform.stop());
        }
    }

    /** The sample, except that stock reservations are accepted and never answered. */
    private static Registry unansweredReservations() {
        return SampleApplicationRegistry.create(Instances.none().with(ReserveStockReceptor.class,
                new ReserveStockReceptor() {
                    @Override
                    public Decision decide(ReserveStock command, Stock state, CommandContext context) {
                        return Decision.accept();
                    }
                }));
    }

    private RunOptions options() {
        return TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                .setDispatcherOptions(new DispatcherOptions().setClock(clock)));
    }

    @Test
    void aDeadlinePassedWhileThePlatformWasDownCancelsTheOrderAfterTheRestart() throws Exception {
        // given an order waiting for its reservation, and the platform stopped before the deadline
        platform = result(Platform.start(unansweredReservations(), options()));
        UUID orderId = result(client().send(ALICE, new PlaceOrder(UUID.randomUUID(),
                List.of(new OrderLine("SKU-1", 1, new BigDecimal("2.50")))))).commandId();
        result(platform.settled());
        assertThat(order(orderId).status()).isEqualTo(OrderStatus.PLACED);
        result(platform.stop());

        // when the deadline passes while it is down and it starts again
        clock.advance(Duration.ofSeconds(31));
        platform = result(Platform.start(unansweredReservations(), options()));

        // then the saga cancels the order
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> {
                    OrderSummary order = order(orderId);
                    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
                    assertThat(order.cancelReason()).contains("stock reservation timed out after 30s");
                });
    }

    private Dispatcher client() {
        return Dispatcher.remote(platform.vertx(), SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions());
    }

    private OrderSummary order(UUID orderId) throws Exception {
        return result(client().ask(ALICE, new GetOrder(orderId)));
    }

    private static <T> T result(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
