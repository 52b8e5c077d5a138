package io.whizbang.projections.postgres;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.ProjectionCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the PostgreSQL store adds to the contract: empty batches, documents kept as written, keys per tenant. */
@ExtendWith(VertxExtension.class)
class PostgresProjectionStoreIT {
    @Test
    void aBatchWithoutDocumentsStillMovesTheCheckpoint(Vertx vertx, VertxTestContext ctx) {
        PostgresProjectionStore.connect(vertx, PostgresServer.get().freshOptions())
                .compose(store -> store.commit(new ProjectionCommit("sagas", List.of(), 41))
                        .compose(done -> store.checkpoint("sagas"))
                        .eventually(store::close))
                .onComplete(ctx.succeeding(position -> ctx.verify(() -> {
                    assertThat(position).isEqualTo(41);
                    ctx.completeNow();
                })));
    }

    @Test
    void documentsComeBackAsTheyWereWritten(Vertx vertx, VertxTestContext ctx) {
        DocumentKey key = new DocumentKey("acme", "orders", "Zoë/ß/漢字 \"quoted\"");
        JsonObject document = new JsonObject().put("total", 12.5).put("big", 9007199254740993L)
                .put("name", "Zoë 漢字 😀").put("nested", new JsonObject().put("lines", new JsonArray().add(1).add("x")))
                .putNull("nothing").put("flag", false);
        PostgresProjectionStore.connect(vertx, PostgresServer.get().freshOptions())
                .compose(store -> store.commit(new ProjectionCommit("orders", List.of(new DocumentChange(key,
                                document)), 1))
                        .compose(done -> store.load(List.of(key)))
                        .eventually(store::close))
                .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
                    assertThat(found.get(key).key()).isEqualTo(key.key());
                    assertThat(found.get(key).json()).isEqualTo(document);
                    ctx.completeNow();
                })));
    }

    @Test
    void theSameKeyInTwoTenantsIsTwoDocuments(Vertx vertx, VertxTestContext ctx) {
        DocumentKey acme = new DocumentKey("acme", "orders", "1");
        DocumentKey globex = new DocumentKey("globex", "orders", "1");
        PostgresProjectionStore.connect(vertx, PostgresServer.get().freshOptions())
                .compose(store -> store.commit(new ProjectionCommit("orders", List.of(
                                new DocumentChange(acme, new JsonObject().put("v", "acme")),
                                new DocumentChange(globex, new JsonObject().put("v", "globex"))), 2))
                        .compose(done -> store.commit(new ProjectionCommit("orders",
                                List.of(new DocumentChange(globex, null)), 3)))
                        .compose(done -> store.query("acme", "orders", DocumentQuery.all(10)))
                        .compose(page -> {
                            ctx.verify(() -> assertThat(page.items()).singleElement()
                                    .satisfies(doc -> assertThat(doc.json().getString("v")).isEqualTo("acme")));
                            return store.load(List.of(acme, globex));
                        })
                        .eventually(store::close))
                .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
                    assertThat(found).containsOnlyKeys(acme);
                    ctx.completeNow();
                })));
    }
}
