package io.whizbang.projection;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The behaviour every projection store driver must have; a driver's test extends this class.
 */
@ExtendWith(VertxExtension.class)
public abstract class ProjectionStoreContractTest {
    protected ProjectionStore store;

    /** An empty store of the driver under test. */
    protected abstract Future<ProjectionStore> createStore(Vertx vertx);

    @BeforeEach
    void openStore(Vertx vertx, VertxTestContext ctx) {
        createStore(vertx).onComplete(ctx.succeeding(created -> {
            store = created;
            ctx.completeNow();
        }));
    }

    @AfterEach
    void closeStore(VertxTestContext ctx) {
        store.close().onComplete(ctx.succeedingThenComplete());
    }

    private static DocumentKey key(String tenant, String id) {
        return new DocumentKey(tenant, "orders", id);
    }

    private static DocumentChange put(String tenant, String id, JsonObject json) {
        return new DocumentChange(key(tenant, id), json);
    }

    @Test
    void commitWritesDocumentsAndTheCheckpointTogether(VertxTestContext ctx) {
        store.commit(new ProjectionCommit("orders", List.of(put("acme", "1", new JsonObject().put("total", 5))), 17))
                .compose(done -> store.checkpoint("orders"))
                .compose(position -> {
                    ctx.verify(() -> assertThat(position).isEqualTo(17));
                    return store.load(List.of(key("acme", "1"), key("acme", "2")));
                })
                .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
                    assertThat(found).containsOnlyKeys(key("acme", "1"));
                    assertThat(found.get(key("acme", "1")).json().getInteger("total")).isEqualTo(5);
                    ctx.completeNow();
                })));
    }

    @Test
    void aProjectionWithoutCommitsIsAtPositionZero(VertxTestContext ctx) {
        store.checkpoint("never-ran").onComplete(ctx.succeeding(position -> ctx.verify(() -> {
            assertThat(position).isZero();
            ctx.completeNow();
        })));
    }

    @Test
    void laterChangesOfOneBatchWinAndDeletesRemove(VertxTestContext ctx) {
        store.commit(new ProjectionCommit("orders", List.of(
                        put("acme", "1", new JsonObject().put("v", 1)),
                        put("acme", "2", new JsonObject().put("v", 1)),
                        put("acme", "1", new JsonObject().put("v", 2))), 3))
                .compose(done -> store.commit(new ProjectionCommit("orders",
                        List.of(new DocumentChange(key("acme", "2"), null)), 4)))
                .compose(done -> store.load(List.of(key("acme", "1"), key("acme", "2"))))
                .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
                    assertThat(found).containsOnlyKeys(key("acme", "1"));
                    assertThat(found.get(key("acme", "1")).json().getInteger("v")).isEqualTo(2);
                    ctx.completeNow();
                })));
    }

    @Test
    void queriesSeeOnlyTheirTenantAndMatchingFields(VertxTestContext ctx) {
        store.commit(new ProjectionCommit("orders", List.of(
                        put("acme", "1", new JsonObject().put("customerId", "c1")),
                        put("acme", "2", new JsonObject().put("customerId", "c2")),
                        put("globex", "3", new JsonObject().put("customerId", "c1"))), 1))
                .compose(done -> store.query("acme", "orders", DocumentQuery.all(10).where("customerId", "c1")))
                .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
                    assertThat(page.items()).extracting(Document::key).containsExactly("1");
                    assertThat(page.nextCursor()).isNull();
                    ctx.completeNow();
                })));
    }

    @Test
    void cursorPagesVisitEveryDocumentOnceInSortOrder(VertxTestContext ctx) {
        List<DocumentChange> changes = IntStream.range(0, 25).mapToObj(i -> put("acme", "k" + i,
                new JsonObject().put("customerId", "c1").put("placedAt", 1000 + (i * 7) % 25))).toList();
        List<Document> seen = new ArrayList<>();
        store.commit(new ProjectionCommit("orders", changes, 1))
                .compose(done -> readAll(DocumentQuery.all(10).where("customerId", "c1")
                        .orderByDescending("placedAt"), seen))
                .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
                    assertThat(seen).hasSize(25);
                    assertThat(seen).extracting(doc -> doc.json().getInteger("placedAt"))
                            .isSortedAccordingTo((a, b) -> Integer.compare(b, a));
                    assertThat(seen).extracting(Document::key).doesNotHaveDuplicates();
                    ctx.completeNow();
                })));
    }

    private Future<Void> readAll(DocumentQuery query, List<Document> into) {
        return store.query("acme", "orders", query).compose(page -> {
            into.addAll(page.items());
            return page.nextCursor() == null ? Future.succeededFuture() : readAll(query.after(page.nextCursor()), into);
        });
    }

    @Test
    void aCursorNoPageGaveOutIsInvalidArgument(VertxTestContext ctx) {
        store.query("acme", "orders", DocumentQuery.all(10).after("not-a-cursor!"))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(failure.getMessage()).contains("cursor");
                    ctx.completeNow();
                })));
    }

    @Test
    void loadedDocumentsAreCopiesTheCallerCannotCorrupt(VertxTestContext ctx) {
        store.commit(new ProjectionCommit("orders", List.of(put("acme", "1", new JsonObject().put("v", 1))), 1))
                .compose(done -> store.load(List.of(key("acme", "1"))))
                .compose(found -> {
                    found.get(key("acme", "1")).json().put("v", 99);
                    return store.load(List.of(key("acme", "1")));
                })
                .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
                    assertThat(found.get(key("acme", "1")).json().getInteger("v")).isEqualTo(1);
                    ctx.completeNow();
                })));
    }

    @Test
    void aStoreThatDropsCollectionsDropsOneInEveryTenantWithItsCheckpointOnly(VertxTestContext ctx) {
        assumeTrue(store instanceof DroppableCollections, "the driver does not drop collections");
        DocumentKey kept = new DocumentKey("acme", "orders#2", "1");
        store.commit(new ProjectionCommit("orders", List.of(put("acme", "1", new JsonObject().put("v", 1)),
                        put("globex", "1", new JsonObject().put("v", 2))), 9))
                .compose(done -> store.commit(new ProjectionCommit("orders#2",
                        List.of(new DocumentChange(kept, new JsonObject().put("v", 3))), 4)))
                .compose(done -> ((DroppableCollections) store).dropCollection("orders"))
                .compose(done -> store.load(List.of(key("acme", "1"), key("globex", "1"), kept)))
                .compose(found -> {
                    ctx.verify(() -> assertThat(found).containsOnlyKeys(kept));
                    return Future.all(store.checkpoint("orders"), store.checkpoint("orders#2"));
                })
                .onComplete(ctx.succeeding(checkpoints -> ctx.verify(() -> {
                    assertThat((Long) checkpoints.resultAt(0)).isZero();
                    assertThat((Long) checkpoints.resultAt(1)).isEqualTo(4);
                    ctx.completeNow();
                })));
    }
}
