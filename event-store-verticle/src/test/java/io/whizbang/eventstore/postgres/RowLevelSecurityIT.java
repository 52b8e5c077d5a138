package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.Snapshot;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import io.whizbang.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row-level security as the second wall: a role other than the tables' owner, its session bound to tenant A, reads
 * none of tenant B's rows even with a handwritten query, and cannot write them; the ledger itself, connected as the
 * owner (not a superuser), still reads across tenants.
 */
@ExtendWith(VertxExtension.class)
class RowLevelSecurityIT {
    private static final StreamId ORDER = StreamId.of("Order", "1");

    @Test
    void aSessionBoundToOneTenantSeesNoRowOfAnother(Vertx vertx, VertxTestContext ctx) {
        String schema = PostgresServer.freshSchema();
        String owner = schema + "_owner";
        String reader = schema + "_app";
        PgConnectOptions admin = PostgresServer.get().connectOptions();
        PgConnectOptions asOwner = new PgConnectOptions(admin).setUser(owner).setPassword("owner-secret");
        PgConnectOptions asReader = new PgConnectOptions(admin).setUser(reader).setPassword("app-secret");
        PostgresLedgerOptions options = PostgresServer.options(asOwner).setSchema(schema);
        // given an owner that is no superuser, a ledger of two tenants, and a restricted role allowed to read
        MigrationIT.sql(vertx, admin, "CREATE ROLE " + owner + " LOGIN PASSWORD 'owner-secret';"
                        + " GRANT CREATE ON DATABASE " + admin.getDatabase() + " TO " + owner + ";"
                        + " CREATE ROLE " + reader + " LOGIN PASSWORD 'app-secret'")
                .compose(roles -> PostgresLedger.connect(vertx, options))
                .compose(ledger -> write(ledger)
                        .compose(written -> ledger.readAll(0, 100))
                        .compose(all -> {
                            ctx.verify(() -> assertThat(all).extracting(RecordedEvent::tenant)
                                    .as("the owner reads across tenants").contains("A", "B"));
                            return ledger.close();
                        }))
                .compose(closed -> MigrationIT.sql(vertx, asOwner, "GRANT USAGE ON SCHEMA " + schema + " TO "
                        + reader + "; GRANT SELECT, INSERT ON " + schema + ".events, " + schema + ".outbox, "
                        + schema + ".snapshots TO " + reader))
                // when the restricted role reads with handwritten queries, bound to tenant A
                .compose(granted -> PgConnection.connect(vertx, asReader))
                .compose(connection -> connection.query("SELECT count(*) FROM " + schema + ".events").execute()
                        .compose(unbound -> {
                            ctx.verify(() -> assertThat(unbound.iterator().next().getLong(0))
                                    .as("a session bound to no tenant").isZero());
                            return connection.query("SET whizbang.tenant = 'A'").execute();
                        })
                        .compose(bound -> connection.query("SELECT * FROM " + schema + ".events").execute())
                        .compose(events -> {
                            ctx.verify(() -> {
                                assertThat(events.size()).isEqualTo(3);
                                events.forEach(row -> assertThat(row.getString("tenant")).isEqualTo("A"));
                            });
                            return connection.query("SELECT"
                                    + " (SELECT count(*) FROM " + schema + ".events WHERE tenant = 'B') AS events,"
                                    + " (SELECT count(*) FROM " + schema + ".outbox WHERE tenant = 'B') AS outbox,"
                                    + " (SELECT count(*) FROM " + schema + ".snapshots WHERE tenant = 'B') AS snaps,"
                                    + " (SELECT count(*) FROM " + schema + ".outbox) AS own_outbox").execute();
                        })
                        .compose(counts -> {
                            ctx.verify(() -> {
                                var row = counts.iterator().next();
                                assertThat(row.getLong("events")).isZero();
                                assertThat(row.getLong("outbox")).isZero();
                                assertThat(row.getLong("snaps")).isZero();
                                assertThat(row.getLong("own_outbox")).isEqualTo(1);
                            });
                            // then it cannot write a row of tenant B either
                            return connection.query("INSERT INTO " + schema + ".events (tenant, stream, version,"
                                    + " event_id, type, schema_version, payload, metadata) VALUES ('B', 'Order-9', 1,"
                                    + " gen_random_uuid(), 'Forged', 1, '{}', '{}')").execute();
                        })
                        .eventually(connection::close))
                .onComplete(ctx.failing(refused -> ctx.verify(() -> {
                    assertThat(refused).isInstanceOf(PgException.class);
                    assertThat(((PgException) refused).getSqlState()).isEqualTo("42501");
                    ctx.completeNow();
                })));
    }

    private static Future<Void> write(PostgresLedger ledger) {
        return ledger.append(List.of(new StreamAppend("A", ORDER, ExpectedVersion.noStream(), events(3))),
                        List.of(message("A")))
                .compose(a -> ledger.append(List.of(new StreamAppend("B", ORDER, ExpectedVersion.noStream(),
                        events(2))), List.of(message("B"))))
                .compose(b -> ledger.snapshots().save(new Snapshot("A", ORDER, 3, "Order", 1, new JsonObject(),
                        Instant.now())))
                .compose(a -> ledger.snapshots().save(new Snapshot("B", ORDER, 2, "Order", 1, new JsonObject(),
                        Instant.now())));
    }

    private static OutboxMessage message(String tenant) {
        return new OutboxMessage(MessageIds.next(), tenant, "orders", ORDER.value(), new JsonObject(),
                new JsonObject());
    }

    private static List<EventData> events(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(n -> new EventData(MessageIds.next(), "Placed", 1,
                new JsonObject().put("n", n), new JsonObject())).toList();
    }
}
