package io.whizbang.projections;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.ProjectionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The projection verticle runs the registry's perspectives from deploy to undeploy. */
@ExtendWith(VertxExtension.class)
class ProjectionVerticleTest {
    private static final DocumentKey ALICE = new DocumentKey("acme", BankRegistry.PERSPECTIVE, "A-1");
    private static final DocumentKey BOB = new DocumentKey("acme", BankRegistry.PERSPECTIVE, "B-2");

    private ListeningLedger ledger;
    private ProjectionStore store;
    private ProjectionVerticle verticle;

    @BeforeEach
    void setUp(Vertx vertx) {
        ledger = new ListeningLedger(Ledger.memory(vertx));
        store = ProjectionStore.memory();
        verticle = new ProjectionVerticle(BankRegistry.create(), ledger, store);
    }

    private Future<AppendResult> deposit(String accountId, long... cents) {
        List<EventData> events = LongStream.of(cents).mapToObj(amount -> new EventData(MessageIds.next(),
                BankRegistry.DEPOSITED.name(), BankRegistry.DEPOSITED.schemaVersion(),
                new JsonObject().put("accountId", accountId).put("cents", amount), new JsonObject())).toList();
        return ledger.append("acme", StreamId.of("Account", accountId), ExpectedVersion.any(), events);
    }

    @Test
    void eventsStoredBeforeDeployAreProjectedIntoTheStore(Vertx vertx, VertxTestContext ctx) {
        // given
        deposit("A-1", 100, 250, 50)
                .compose(done -> deposit("B-2", 7))
                // when
                .compose(appended -> vertx.deployVerticle(verticle)
                        .compose(deployed -> verticle.projections().caughtUp(appended.position())))
                .compose(caughtUp -> store.load(List.of(ALICE, BOB)))
                // then
                .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
                    assertThat(found.get(ALICE).json()).isEqualTo(new JsonObject().put("accountId", "A-1")
                            .put("cents", 400L).put("deposits", 3));
                    assertThat(found.get(BOB).json().getLong("cents")).isEqualTo(7L);
                    ctx.completeNow();
                })));
    }

    @Test
    void eventsAppendedWhileDeployedAreProjectedLive(Vertx vertx, VertxTestContext ctx) {
        vertx.deployVerticle(verticle)
                .compose(deployed -> deposit("A-1", 10, 20))
                .compose(appended -> verticle.projections().caughtUp(appended.position())
                        .compose(caughtUp -> store.checkpoint(BankRegistry.PERSPECTIVE))
                        .map(checkpoint -> {
                            ctx.verify(() -> assertThat(checkpoint).isEqualTo(appended.position()));
                            return checkpoint;
                        }))
                .compose(checkpoint -> store.load(List.of(ALICE)))
                .map(found -> found.get(ALICE))
                .map(Document::json)
                .onComplete(ctx.succeeding(json -> ctx.verify(() -> {
                    assertThat(json.getLong("cents")).isEqualTo(30L);
                    ctx.completeNow();
                })));
    }

    @Test
    void undeployStopsThePerspectives(Vertx vertx, VertxTestContext ctx) {
        vertx.deployVerticle(verticle)
                // a perspective subscribes once its catch-up (of nothing here) is done, just after the start
                .compose(deployed -> listenersReach(vertx, 1).map(deployed))
                .compose(deployed -> {
                    ctx.verify(() -> assertThat(ledger.listeners()).as("one subscription per perspective")
                            .isEqualTo(1));
                    return vertx.undeploy(deployed);
                })
                .onComplete(ctx.succeeding(undeployed -> ctx.verify(() -> {
                    assertThat(ledger.listeners()).as("no subscription left").isZero();
                    ctx.completeNow();
                })));
    }

    @Test
    void projectionsAreUnavailableBeforeStart() {
        assertThatIllegalStateException().isThrownBy(() -> verticle.projections()).withMessageContaining("bank");
    }

    @Test
    void aRedeployResumesFromTheCheckpoint(Vertx vertx, VertxTestContext ctx) {
        deposit("A-1", 5)
                .compose(first -> vertx.deployVerticle(verticle)
                        .compose(id -> verticle.projections().caughtUp(first.position()).map(id)))
                .compose(vertx::undeploy)
                .compose(stopped -> deposit("A-1", 6))
                .compose(second -> {
                    ProjectionVerticle again = new ProjectionVerticle(BankRegistry.create(), ledger, store);
                    return vertx.deployVerticle(again)
                            .compose(id -> again.projections().caughtUp(second.position()));
                })
                .compose(caughtUp -> store.load(List.of(ALICE)))
                .map(found -> found.get(ALICE).json())
                .onComplete(ctx.succeeding(json -> ctx.verify(() -> {
                    assertThat(json.getLong("cents")).as("each deposit counted once").isEqualTo(11L);
                    assertThat(json.getInteger("deposits")).isEqualTo(2);
                    ctx.completeNow();
                })));
    }

    /** Completes once the ledger has this many listeners, checking every millisecond. */
    private Future<Void> listenersReach(Vertx vertx, int count) {
        Promise<Void> reached = Promise.promise();
        vertx.setPeriodic(0, 1, timer -> {
            if (ledger.listeners() == count) {
                vertx.cancelTimer(timer);
                reached.tryComplete();
            }
        });
        return reached.future();
    }
}
