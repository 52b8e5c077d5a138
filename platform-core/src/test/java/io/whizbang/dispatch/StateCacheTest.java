package io.whizbang.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.Snapshot;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageType;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.security.Principal;
import io.whizbang.testdomain.CounterReceptor;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.Increment;
import io.whizbang.testdomain.Incremented;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;

import static io.whizbang.testdomain.CounterRegistry.READ;
import static io.whizbang.testdomain.CounterRegistry.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dispatcher keeps recent stream states so a command folds only newer events; these tests pin down that the
 * ledger, not the cache, decides what a receptor sees.
 */
@ExtendWith(VertxExtension.class)
class StateCacheTest {
    private static final Principal ALICE = Principal.of("alice", "acme", WRITE, READ);
    private static final Principal GLOBEX = Principal.of("gus", "globex", WRITE, READ);
    private final CounterReceptor receptor = new CounterReceptor();
    private Registry registry;
    private Ledger ledger;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp(Vertx vertx) {
        registry = CounterRegistry.create(receptor);
        ledger = Ledger.memory(vertx);
        dispatcher = Dispatcher.create(vertx, registry, ledger, ProjectionStore.memory());
    }

    @Test
    void eventsAppendedByAnotherWriterAreFoldedBeforeTheNextDecision(VertxTestContext ctx) {
        times(5, ALICE, "c1", 100)
                // another node appends to the same stream behind this dispatcher's back
                .compose(done -> ledger.append("acme", StreamId.of("Counter", "c1"), ExpectedVersion.exactly(5),
                        List.of(incremented("c1", 450))))
                .compose(appended -> dispatcher.send(ALICE, new Increment("c1", 60)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(failure).hasMessageContaining("counter c1 is at 950");
                    ctx.completeNow();
                })));
    }

    @Test
    void aStreamOfOneTenantNeverAnswersForTheSameStreamOfAnother(VertxTestContext ctx) {
        times(10, ALICE, "shared", 100)
                .compose(acme -> dispatcher.send(GLOBEX, new Increment("shared", 50)))
                .compose(globex -> {
                    ctx.verify(() -> assertThat(globex.version()).isEqualTo(1));
                    return dispatcher.send(ALICE, new Increment("shared", 1));
                })
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).hasMessageContaining("counter shared is at 1000");
                    ctx.completeNow();
                })));
    }

    @Test
    void manyCommandsOnOneStreamSeeEveryEarlierOne(VertxTestContext ctx) {
        times(100, ALICE, "c2", 10).compose(done -> dispatcher.send(ALICE, new Increment("c2", 1)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).hasMessageContaining("counter c2 is at 1000");
                    assertThat(receptor.decisions.get()).isEqualTo(101);
                    ctx.completeNow();
                })));
    }

    @Test
    void withNoCacheEachCommandLoadsFromTheSnapshotStore(Vertx vertx, VertxTestContext ctx) {
        // a forged snapshot (990 after 11 events) shows where loading starts: a cached state would hide it
        dispatcher = Dispatcher.create(vertx, CounterRegistry.snapshotted(receptor, 5), ledger,
                ProjectionStore.memory(), new DispatcherOptions().setStateCacheSize(0));
        times(12, ALICE, "c3", 2)
                .compose(done -> ledger.snapshots().save(new Snapshot("acme", StreamId.of("Counter", "c3"), 11,
                        "CounterState", 1, new JsonObject().put("value", 990), Instant.now())))
                .compose(done -> dispatcher.send(ALICE, new Increment("c3", 9)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).hasMessage("counter c3 is at 992; adding 9 passes 1000");
                    ctx.completeNow();
                })));
    }

    @Test
    void aNegativeCacheSizeIsRefused() {
        assertThatThrownBy(() -> new DispatcherOptions().setStateCacheSize(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stateCacheSize");
    }

    private Future<?> times(int count, Principal principal, String counter, int by) {
        Future<?> chain = Future.succeededFuture();
        for (int i = 0; i < count; i++) {
            chain = chain.compose(done -> dispatcher.send(principal, new Increment(counter, by)));
        }
        return chain;
    }

    private EventData incremented(String counter, int by) {
        Incremented event = new Incremented(counter, by);
        MessageType type = registry.codecs().typeOf(event);
        return new EventData(java.util.UUID.randomUUID(), type.name(), type.schemaVersion(),
                registry.codecs().encode(event), new JsonObject().put("correlationId",
                java.util.UUID.randomUUID().toString()));
    }
}
