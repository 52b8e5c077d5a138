package io.whizbang.examples;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.whizbang.codec.Codecs;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.Receipt;
import io.whizbang.examples.inventory.level.GetInventoryLevel;
import io.whizbang.examples.inventory.level.InventoryLevel;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.examples.inventory.reserve.ReserveStock;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.examples.orders.summary.GetOrder;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.message.Query;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.Projections;
import io.whizbang.runtime.Sagas;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A saga's commands are saved with its step and take effect once: a crash between saving the step and sending its
 * commands sends them after the restart, and sending one twice stores its effects once.
 */
@ExtendWith(VertxExtension.class)
class SagaCommandsOnceTest {
    private static final Principal ALICE = Principal.of("alice", "acme", Scopes.ORDERS_WRITE, Scopes.ORDERS_READ,
            Scopes.INVENTORY_WRITE, Scopes.INVENTORY_READ);

    @Test
    void commandsSavedButNotSentBeforeACrashAreSentAfterTheRestartAndTakeEffectOnce(Vertx vertx) throws Exception {
        Registry registry = SampleApplicationRegistry.create();
        Ledger ledger = Ledger.memory(vertx);
        ProjectionStore store = ProjectionStore.memory();
        Dispatcher dispatcher = Dispatcher.create(vertx, registry, ledger, store, new DispatcherOptions());
        Projections projections = join(Projections.start(vertx, registry, ledger, store));
        join(dispatcher.send(ALICE, new RestockItem("SKU-1", 10)));

        // given a saga whose process dies after saving its step, before its commands leave
        join(Sagas.start(vertx, registry, ledger, store, new NeverSending(dispatcher),
                Clock.systemUTC()));
        UUID orderId = join(dispatcher.send(ALICE, new PlaceOrder(UUID.randomUUID(),
                List.of(new OrderLine("SKU-1", 3, new BigDecimal("1.00")))))).commandId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(join(store.load(List.of(
                new io.whizbang.projection.DocumentKey("acme", "saga-order-fulfillment", orderId.toString()))))
                .values()).singleElement().satisfies(document -> assertThat(document.json().getJsonArray("pending"))
                .isNotEmpty()));
        // (the dead process's runner stays stuck in that step and is never heard of again)

        // when the sagas start again with a dispatcher that sends
        Sagas restarted = join(Sagas.start(vertx, registry, ledger, store, dispatcher, Clock.systemUTC()));

        // then the reservation is sent, the order confirmed, and the stock reserved once
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(join(dispatcher.ask(ALICE, new GetOrder(orderId))).status())
                        .isEqualTo(OrderStatus.CONFIRMED));
        join(ledger.head().compose(head -> restarted.caughtUp(head).compose(v -> projections.caughtUp(head))));
        InventoryLevel level = join(dispatcher.ask(ALICE, new GetInventoryLevel("SKU-1")));
        assertThat(level.reserved()).isEqualTo(3);
        join(restarted.stop().compose(v -> projections.stop()));
    }

    @Test
    void aCommandSentOnceTwiceAppendsItsEventsOnce(Vertx vertx) throws Exception {
        Registry registry = SampleApplicationRegistry.create();
        Ledger ledger = Ledger.memory(vertx);
        Dispatcher dispatcher = Dispatcher.create(vertx, registry, ledger, ProjectionStore.memory());
        join(dispatcher.send(ALICE, new RestockItem("SKU-1", 10)));
        ReserveStock reserve = new ReserveStock(UUID.randomUUID(), "SKU-1", 4);
        Envelope<ReserveStock> envelope = Envelope.create(ALICE, registry.codecs().typeOf(reserve), reserve);

        Receipt first = join(dispatcher.sendOnce(envelope));
        Receipt second = join(dispatcher.sendOnce(envelope));

        assertThat(first.eventIds()).hasSize(1);
        assertThat(second.eventIds()).isEmpty();
        List<RecordedEvent> stock = join(ledger.readStream("acme", StreamId.of("Inventory", "SKU-1"), 1, 100))
                .events();
        assertThat(stock).hasSize(2);
    }

    /** A dispatcher whose {@code sendOnce} never answers, as if its process died while sending. */
    private record NeverSending(Dispatcher delegate) implements Dispatcher {
        @Override
        public Codecs codecs() {
            return delegate.codecs();
        }

        @Override
        public Future<Receipt> send(Envelope<? extends Command> command) {
            return Promise.<Receipt>promise().future();
        }

        @Override
        public Future<Receipt> sendOnce(Envelope<? extends Command> command) {
            return Promise.<Receipt>promise().future();
        }

        @Override
        public <R> Future<R> ask(Envelope<? extends Query<R>> query) {
            return delegate.ask(query);
        }

        @Override
        public Future<Receipt> publish(StreamId stream, List<Envelope<? extends Event>> events) {
            return delegate.publish(stream, events);
        }
    }

    private static <T> T join(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
