package io.whizbang.projections.postgres;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.ProjectionCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row-level security as the second wall: a role other than the tables' owner, its session bound to tenant A, reads
 * none of tenant B's documents (nor dead letters) even with a handwritten query, and cannot write them; the store itself, connected as
 * the owner (not a superuser), still writes a batch of both tenants and answers each tenant its own documents.
 */
@ExtendWith(VertxExtension.class)
class RowLevelSecurityIT {
    @Test
    void aSessionBoundToOneTenantSeesNoDocumentOfAnother(Vertx vertx, VertxTestContext ctx) {
        String schema = PostgresServer.freshSchema();
        String owner = schema + "_owner";
        String reader = schema + "_app";
        PgConnectOptions admin = PostgresServer.get().connectOptions();
        PgConnectOptions asOwner = new PgConnectOptions(admin).setUser(owner).setPassword("owner-secret");
        PgConnectOptions asReader = new PgConnectOptions(admin).setUser(reader).setPassword("app-secret");
        // given an owner that is no superuser, documents of two tenants, and a restricted role allowed to read
        Sql.run(vertx, admin, "CREATE ROLE " + owner + " LOGIN PASSWORD 'owner-secret';"
                        + " GRANT CREATE ON DATABASE " + admin.getDatabase() + " TO " + owner + ";"
                        + " CREATE ROLE " + reader + " LOGIN PASSWORD 'app-secret'")
                .compose(roles -> PostgresProjectionStore.connect(vertx, PostgresServer.options(asOwner)
                        .setSchema(schema)))
                .compose(store -> store.commit(new ProjectionCommit("orders", List.of(
                                change("A", "1", "c1"), change("A", "2", "c2"), change("B", "3", "c1")), 9))
                        .compose(written -> store.query("B", "orders", DocumentQuery.all(10)))
                        .compose(page -> {
                            ctx.verify(() -> assertThat(page.items()).extracting(Document::key)
                                    .as("the owner answers each tenant its own").containsExactly("3"));
                            return store.deadLetters().park(DeadLetter.parked("orders", "B", 4, "Order-4", 1,
                                    "OrderPlaced", "boom", 3, Instant.parse("2026-12-02T06:00:00Z")));
                        })
                        .compose(parked -> store.close()))
                .compose(closed -> Sql.run(vertx, asOwner, "GRANT USAGE ON SCHEMA " + schema + " TO " + reader
                        + "; GRANT SELECT, INSERT, UPDATE ON " + schema + ".documents TO " + reader
                        + "; GRANT SELECT ON " + schema + ".dead_letters TO " + reader))
                // when the restricted role reads with handwritten queries
                .compose(granted -> PgConnection.connect(vertx, asReader))
                .compose(connection -> connection.query("SELECT count(*) FROM " + schema + ".documents").execute()
                        .compose(unbound -> {
                            ctx.verify(() -> assertThat(unbound.iterator().next().getLong(0))
                                    .as("a session bound to no tenant").isZero());
                            return connection.query("SET whizbang.tenant = 'A'").execute();
                        })
                        .compose(bound -> connection.query("SELECT tenant, key FROM " + schema + ".documents")
                                .execute())
                        .compose(rows -> {
                            ctx.verify(() -> {
                                assertThat(rows.size()).isEqualTo(2);
                                rows.forEach(row -> assertThat(row.getString("tenant")).isEqualTo("A"));
                            });
                            return connection.query("SELECT (SELECT count(*) FROM " + schema + ".documents"
                                    + " WHERE tenant = 'B'), (SELECT count(*) FROM " + schema + ".dead_letters)")
                                    .execute();
                        })
                        .compose(other -> {
                            ctx.verify(() -> {
                                assertThat(other.iterator().next().getLong(0))
                                        .as("tenant B's documents, asked for by name").isZero();
                                assertThat(other.iterator().next().getLong(1))
                                        .as("tenant B's dead letters").isZero();
                            });
                            return connection.query("UPDATE " + schema + ".documents SET doc = '{}'"
                                    + " WHERE tenant = 'B'").execute();
                        })
                        .compose(updated -> {
                            ctx.verify(() -> assertThat(updated.rowCount()).as("B's rows updated from A").isZero());
                            return connection.query("INSERT INTO " + schema + ".documents (tenant, collection, key,"
                                    + " doc) VALUES ('B', 'orders', '4', '{}')").execute();
                        })
                        .eventually(connection::close))
                // then a write into the other tenant is refused by the policy
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).isInstanceOf(PgException.class);
                    assertThat(((PgException) failure).getSqlState()).isEqualTo("42501");
                    ctx.completeNow();
                })));
    }

    private static DocumentChange change(String tenant, String key, String customer) {
        return new DocumentChange(new DocumentKey(tenant, "orders", key), new JsonObject().put("customerId",
                customer));
    }
}
