package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver creates and migrates its schema itself, once, however many nodes start at the same moment. */
@ExtendWith(VertxExtension.class)
class MigrationIT {
    @Test
    void fourNodesStartingAtOnceOnAFreshDatabaseAllSucceedAndMigrateOnce(Vertx vertx, VertxTestContext ctx) {
        String database = PostgresServer.freshSchema();
        PgConnectOptions admin = PostgresServer.get().connectOptions();
        PgConnectOptions fresh = new PgConnectOptions(admin).setDatabase(database);
        PostgresLedgerOptions options = PostgresServer.options(fresh); // the default schema, "whizbang"
        List<PostgresLedger> ledgers = new ArrayList<>();
        sql(vertx, admin, "CREATE DATABASE " + database)
                .compose(created -> Future.all(IntStream.range(0, 4)
                        .mapToObj(node -> PostgresLedger.connect(vertx, options).onSuccess(ledgers::add))
                        .toList()))
                .compose(started -> sql(vertx, fresh, "SELECT"
                        + " (SELECT count(*) FROM pg_namespace WHERE nspname = 'whizbang') AS schemas,"
                        + " (SELECT count(*) FROM pg_tables WHERE schemaname = 'whizbang' AND tablename = 'events')"
                        + " AS events_tables,"
                        + " (SELECT string_agg(version::text, ',' ORDER BY version) FROM whizbang.schema_migrations)"
                        + " AS versions"))
                .compose(row -> {
                    ctx.verify(() -> {
                        assertThat(ledgers).hasSize(4);
                        assertThat(row.getLong("schemas")).isEqualTo(1);
                        assertThat(row.getLong("events_tables")).isEqualTo(1);
                        assertThat(row.getString("versions")).isEqualTo(String.join(",",
                                versions().stream().map(String::valueOf).toList()));
                    });
                    return Future.all(ledgers.stream().map(PostgresLedger::close).toList());
                })
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void migratingAnUpToDateSchemaAgainDoesNothing(Vertx vertx, VertxTestContext ctx) {
        PostgresLedgerOptions options = PostgresServer.get().freshOptions();
        String schema = options.getSchema();
        String applied = "SELECT string_agg(version || '@' || applied_at, ',' ORDER BY version) AS applied FROM "
                + schema + ".schema_migrations";
        PgMigrations.migrate(vertx, options.connectOptions(), schema)
                .compose(first -> {
                    ctx.verify(() -> assertThat(first).containsExactlyElementsOf(versions()));
                    return sql(vertx, options.connectOptions(), applied);
                })
                .compose(before -> PgMigrations.migrate(vertx, options.connectOptions(), schema)
                        .compose(second -> {
                            ctx.verify(() -> assertThat(second).isEmpty());
                            return PostgresLedger.connect(vertx, options);
                        })
                        .compose(ledger -> ledger.close())
                        .compose(closed -> sql(vertx, options.connectOptions(), applied))
                        .map(after -> {
                            ctx.verify(() -> assertThat(after.getString("applied"))
                                    .isEqualTo(before.getString("applied")));
                            return after;
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    /**
     * An upgrade from the release whose sequencer positioned events after their commit: events an old writer left
     * without a position get theirs, in the order they were written, and the ledger then appends after them.
     */
    @Test
    void theUpgradeToPositionsAtAppendPositionsWhatAnOldWriterLeft(Vertx vertx, VertxTestContext ctx) {
        PostgresLedgerOptions options = PostgresServer.get().freshOptions();
        String events = options.getSchema() + ".events";
        PgMigrations.migrate(vertx, options.connectOptions(), options.getSchema(), 3)
                .compose(v3 -> sql(vertx, options.connectOptions(), "INSERT INTO " + events
                        + " (tenant, stream, version, event_id, type, schema_version, payload, metadata)"
                        + " SELECT 'acme', 'Order-' || n, 1, gen_random_uuid(), 'Placed', 1, '{}', '{}'"
                        + " FROM generate_series(1, 3) n"))
                .compose(written -> PostgresLedger.connect(vertx, options))
                .compose(ledger -> ledger.append("acme", StreamId.of("Order", "4"),
                                ExpectedVersion.noStream(),
                                List.of(new EventData(MessageIds.next(),
                                        "Placed", 1, new JsonObject(),
                                        new JsonObject())))
                        .compose(appended -> ledger.readAll(0, 10))
                        .eventually(ledger::close))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    assertThat(all).extracting(RecordedEvent::position).containsExactly(1L, 2L, 3L, 4L);
                    assertThat(all).extracting(event -> event.stream().value())
                            .containsExactly("Order-1", "Order-2", "Order-3", "Order-4");
                    ctx.completeNow();
                })));
    }

    /** Runs one statement on a connection of its own; answers the first row, if any. */
    static Future<Row> sql(Vertx vertx, PgConnectOptions options, String statement) {
        return PgConnection.connect(vertx, options)
                .compose(connection -> connection.query(statement).execute()
                        .map(rows -> rows.size() == 0 ? null : rows.iterator().next())
                        .eventually(connection::close));
    }

    /** Every migration's version, in order. */
    private static List<Integer> versions() {
        return PgMigrations.ALL.stream().map(PgMigrations.Migration::version).toList();
    }
}
