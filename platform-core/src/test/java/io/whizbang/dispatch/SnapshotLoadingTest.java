package io.whizbang.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.Snapshot;
import io.whizbang.ledger.StreamId;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.security.Principal;
import io.whizbang.testdomain.CounterReceptor;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.Increment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class SnapshotLoadingTest {
    private static final Principal ALICE = Principal.of("alice", "acme", CounterRegistry.WRITE);
    private static final StreamId COUNTER = StreamId.of("Counter", "c1");
    private Vertx vertx;
    private Ledger ledger;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp(Vertx vertx) {
        this.vertx = vertx;
        ledger = Ledger.memory(vertx);
        dispatcher = Dispatcher.create(vertx, CounterRegistry.snapshotted(new CounterReceptor(), 5), ledger,
                ProjectionStore.memory());
    }

    /** A dispatcher on the same ledger that has handled nothing yet, as after a restart. */
    private Dispatcher restarted() {
        return Dispatcher.create(vertx, CounterRegistry.snapshotted(new CounterReceptor(), 5), ledger,
                ProjectionStore.memory());
    }

    private Future<Void> increments(int count, int by) {
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < count; i++) {
            chain = chain.compose(v -> dispatcher.send(ALICE, new Increment("c1", by)).mapEmpty());
        }
        return chain;
    }

    @Test
    void aSnapshotIsSavedEachTimeAnAppendCrossesTheInterval(VertxTestContext ctx) {
        increments(12, 2)
                .compose(done -> ledger.snapshots().load("acme", COUNTER))
                .onComplete(ctx.succeeding(snapshot -> ctx.verify(() -> {
                    assertThat(snapshot).isPresent();
                    assertThat(snapshot.get().version()).isEqualTo(10);
                    assertThat(snapshot.get().state().getInteger("value")).isEqualTo(20);
                    assertThat(snapshot.get().stateType()).isEqualTo("CounterState");
                    ctx.completeNow();
                })));
    }

    @Test
    void loadingStartsFromTheSnapshotAndFoldsOnlyNewerEvents(VertxTestContext ctx) {
        // A snapshot claiming the counter stood at 990 after 11 events: if loading starts from it and folds only
        // event 12 (+2), the next increment past 1000 is refused although the events alone sum to only 24. A new
        // dispatcher (a restarted node) loads it: the one that sent the increments still holds the stream's state.
        increments(12, 2)
                .compose(done -> ledger.snapshots().save(new Snapshot("acme", COUNTER, 11, "CounterState", 1,
                        new JsonObject().put("value", 990), Instant.now())))
                .compose(done -> restarted().send(ALICE, new Increment("c1", 9)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure.getMessage()).isEqualTo("counter c1 is at 992; adding 9 passes 1000");
                    ctx.completeNow();
                })));
    }

    @Test
    void aSnapshotOfAnotherSchemaVersionIsIgnoredAndTheStreamIsFolded(VertxTestContext ctx) {
        increments(3, 2)
                .compose(done -> ledger.snapshots().save(new Snapshot("acme", COUNTER, 3, "CounterState", 2,
                        new JsonObject().put("value", 999), Instant.now())))
                .compose(done -> dispatcher.send(ALICE, new Increment("c1", 100)))
                .compose(receipt -> dispatcher.send(ALICE, new Increment("c1", 100)))
                .onComplete(ctx.succeeding(receipt -> ctx.verify(() -> {
                    assertThat(receipt.version()).isEqualTo(5);
                    ctx.completeNow();
                })));
    }

    @Test
    void aSnapshotThatDoesNotDecodeIsIgnored(VertxTestContext ctx) {
        increments(2, 1)
                .compose(done -> ledger.snapshots().save(new Snapshot("acme", COUNTER, 2, "CounterState", 1,
                        new JsonObject().put("value", "garbage"), Instant.now())))
                .compose(done -> dispatcher.send(ALICE, new Increment("c1", 1)))
                .onComplete(ctx.succeeding(receipt -> ctx.verify(() -> {
                    assertThat(receipt.version()).isEqualTo(3);
                    ctx.completeNow();
                })));
    }
}
