package io.whizbang.projections.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.ProjectionCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's schema: created once when several nodes start at once, kept (with its documents) when the store opens
 * again, refused when a newer build migrated it, and the indexes perspectives declare are created and serve the
 * queries on their fields.
 */
@ExtendWith(VertxExtension.class)
class MigrationIT {
    private static final DocumentKey KEY = new DocumentKey("acme", "orders", "1");

    @Test
    void nodesStartingAtOnceMigrateOnceAndReopeningKeepsTheDocuments(Vertx vertx, VertxTestContext ctx) {
        PostgresProjectionStoreOptions options = PostgresServer.get().freshOptions();
        List<Future<PostgresProjectionStore>> nodes = IntStream.range(0, 4)
                .mapToObj(i -> PostgresProjectionStore.connect(vertx, options)).toList();
        Future.all(nodes)
                .compose(started -> nodes.get(0).result().commit(new ProjectionCommit("orders",
                        List.of(new DocumentChange(KEY, new JsonObject().put("v", 1))), 3)))
                .compose(written -> Future.all(nodes.stream().map(node -> node.result().close()).toList()))
                .compose(closed -> PostgresProjectionStore.connect(vertx, options))
                .compose(reopened -> reopened.load(List.of(KEY))
                        .compose(found -> {
                            ctx.verify(() -> assertThat(found.get(KEY).json().getInteger("v")).isEqualTo(1));
                            return reopened.checkpoint("orders");
                        })
                        .eventually(reopened::close))
                .compose(position -> {
                    ctx.verify(() -> assertThat(position).isEqualTo(3));
                    return Sql.run(vertx, PostgresServer.get().connectOptions(), "SELECT version FROM "
                            + options.getSchema() + ".schema_migrations ORDER BY version");
                })
                .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
                    List<Integer> versions = new ArrayList<>();
                    rows.forEach(row -> versions.add(row.getInteger(0)));
                    assertThat(versions).containsExactly(1, 2, 3, 4);
                    ctx.completeNow();
                })));
    }

    @Test
    void aSchemaMigratedByANewerBuildIsRefused(Vertx vertx, VertxTestContext ctx) {
        PostgresProjectionStoreOptions options = PostgresServer.get().freshOptions();
        PostgresProjectionStore.connect(vertx, options)
                .compose(store -> store.close())
                .compose(closed -> Sql.run(vertx, PostgresServer.get().connectOptions(), "INSERT INTO "
                        + options.getSchema() + ".schema_migrations (version, name) VALUES (99, 'from the future')"))
                .compose(marked -> PostgresProjectionStore.connect(vertx, options))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(failure.getMessage()).contains("version 99").contains("newer");
                    ctx.completeNow();
                })));
    }

    @Test
    void aDeclaredIndexServesFiltersAndSortsOnItsField(Vertx vertx, VertxTestContext ctx) {
        PostgresProjectionStoreOptions options = PostgresServer.get().freshOptions()
                .addIndex("orders", "customerId").addIndex("orders", "placedAt");
        String schema = options.getSchema();
        PgDocumentSelect filter = PgDocumentSelect.of(schema, "acme", "orders",
                DocumentQuery.all(10).where("customerId", "c1"));
        PgDocumentSelect sort = PgDocumentSelect.of(schema, "acme", "orders",
                DocumentQuery.all(10).orderByDescending("placedAt"));
        PostgresProjectionStore.connect(vertx, options)
                .compose(store -> store.close())
                .compose(created -> PgConnection.connect(vertx, PostgresServer.get().connectOptions()))
                .compose(connection -> connection.query("SET enable_seqscan = off").execute()
                        .compose(off -> connection.preparedQuery("EXPLAIN " + filter.sql())
                                .execute(filter.parameters()))
                        .compose(filterPlan -> {
                            ctx.verify(() -> assertThat(plan(filterPlan)).contains(PgSchema.indexName("customerId")));
                            return connection.preparedQuery("EXPLAIN " + sort.sql()).execute(sort.parameters());
                        })
                        .eventually(connection::close))
                .onComplete(ctx.succeeding(sortPlan -> ctx.verify(() -> {
                    assertThat(plan(sortPlan)).contains(PgSchema.indexName("placedAt")).doesNotContain("Sort ");
                    ctx.completeNow();
                })));
    }

    private static String plan(Iterable<Row> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(row.getString(0)).append('\n'));
        return text.toString();
    }
}
