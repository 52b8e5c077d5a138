package io.whizbang.examples;

import io.whizbang.testing.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
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
import io.whizbang.security.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fulfilment saga's deadline end to end: stock reservations that are never answered cancel the order once the
 * clock passes the deadline, and not before.
 */
@ExtendWith(VertxExtension.class)
class FulfillmentDeadlineTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Principal ALICE = Principal.of("alice", "acme", Scopes.ORDERS_WRITE, Scopes.ORDERS_READ);
    private static final UUID CUSTOMER = UUID.fromString("0190a5d0-0000-7000-8000-00000000c001");

    private final ManualClock clock = new ManualClock(START);
    private SampleRuntime runtime;

    @BeforeEach
    void start(Vertx vertx, VertxTestContext context) {
        ReserveStockReceptor unanswered = new ReserveStockReceptor() {
            @Override
            public Decision decide(ReserveStock command, Stock state, CommandContext commandContext) {
                return Decision.accept();
            }
        };
        SampleRuntime.start(vertx, SampleApplicationRegistry.create(
                        Instances.none().with(ReserveStockReceptor.class, unanswered)), clock)
                .onSuccess(started -> runtime = started)
                .onComplete(context.succeedingThenComplete());
    }

    @AfterEach
    void stop(VertxTestContext context) {
        (runtime == null ? Future.<Void>succeededFuture() : runtime.stop())
                .onComplete(context.succeedingThenComplete());
    }

    @Test
    void anOrderWhoseStockIsNeverReservedIsCancelledWhenTheDeadlinePasses() throws Exception {
        PlaceOrder command = new PlaceOrder(CUSTOMER, List.of(new OrderLine("SKU-1", 1, new BigDecimal("2.50"))));
        UUID orderId = UUID.fromString(join(runtime.dispatcher().send(ALICE, command)).stream().id());
        join(runtime.settle());

        clock.advance(Duration.ofSeconds(29));
        join(runtime.fireDeadlines());
        assertThat(order(orderId).status()).as("29 s after placing").isEqualTo(OrderStatus.PLACED);

        clock.advance(Duration.ofSeconds(2));
        join(runtime.fireDeadlines());
        // The runtime's own periodic check may fire the deadline first; its commands then land a moment later.
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            OrderSummary order = order(orderId);
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.cancelReason()).contains("stock reservation timed out after 30s");
        });
    }

    private OrderSummary order(UUID orderId) throws Exception {
        return join(runtime.settle().compose(v -> runtime.dispatcher().ask(ALICE, new GetOrder(orderId))));
    }

    private static <T> T join(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
