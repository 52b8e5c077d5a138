package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.whizbang.error.ConcurrencyException;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lone single-stream append goes as one plain statement whose reads come from a snapshot taken before it waited for
 * the head row. Here another writer (a second node, played by a raw session that takes the head row the way
 * {@code append_events} does) holds the head row, writes the same stream and commits while the append waits: the
 * append must then still be judged against the stream as that writer left it, and number its events after it.
 */
@ExtendWith(VertxExtension.class)
class SingleStreamAppendIT {
    private static final StreamId STREAM = StreamId.of("Order", "raced");

    @Test
    @Timeout(value = 1, timeUnit = TimeUnit.MINUTES)
    void anAppendOfAnyVersionThatWaitedForAnotherWriterOfItsStreamFollowsIt(Vertx vertx, VertxTestContext ctx) {
        race(vertx, ctx, ledger -> ledger.append("acme", STREAM, ExpectedVersion.any(), List.of(event())),
                (outcome, events) -> {
                    assertThat(outcome.succeeded()).as("append of any version").isTrue();
                    assertThat(outcome.result().version()).isEqualTo(2);
                    assertThat(events).extracting(RecordedEvent::version).containsExactly(1L, 2L);
                    assertThat(events).extracting(RecordedEvent::position).containsExactly(1L, 2L);
                    assertThat(outcome.result().position()).isEqualTo(2);
                });
    }

    @Test
    @Timeout(value = 1, timeUnit = TimeUnit.MINUTES)
    void anAppendExpectingTheVersionTheOtherWriterMadePasses(Vertx vertx, VertxTestContext ctx) {
        race(vertx, ctx, ledger -> ledger.append("acme", STREAM, ExpectedVersion.exactly(1), List.of(event())),
                (outcome, events) -> {
                    assertThat(outcome.succeeded()).as("append expecting version 1").isTrue();
                    assertThat(outcome.result().version()).isEqualTo(2);
                    assertThat(events).extracting(RecordedEvent::position).containsExactly(1L, 2L);
                });
    }

    @Test
    @Timeout(value = 1, timeUnit = TimeUnit.MINUTES)
    void anAppendExpectingNoStreamFailsWithTheVersionTheOtherWriterMade(Vertx vertx, VertxTestContext ctx) {
        race(vertx, ctx, ledger -> ledger.append("acme", STREAM, ExpectedVersion.noStream(), List.of(event())),
                (outcome, events) -> {
                    assertThat(outcome.failed()).as("append expecting no stream").isTrue();
                    assertThat(outcome.cause()).isInstanceOf(ConcurrencyException.class)
                            .hasMessageContaining("is at version 1");
                    assertThat(events).extracting(RecordedEvent::version).containsExactly(1L);
                });
    }

    /** What a test checks: the append's outcome and the stream's events afterwards. */
    private interface Check {
        void check(Future<AppendResult> outcome, List<RecordedEvent> events);
    }

    /**
     * A raw session takes the head row; the append starts and waits for it; the session writes version 1 of the
     * stream at position 1, moves the head on and commits; then the append's outcome and the stream are checked.
     */
    private static void race(Vertx vertx, VertxTestContext ctx, Function<PostgresLedger, Future<AppendResult>> append,
                             Check check) {
        PostgresLedgerOptions options = PostgresServer.get().freshOptions();
        String schema = options.getSchema();
        Pool raw = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
                .connectingTo(PostgresServer.get().connectOptions()).using(vertx).build();
        PostgresLedger.connect(vertx, options).onComplete(ctx.succeeding(ledger -> raw.getConnection()
                .onComplete(ctx.succeeding(other -> other.begin().onComplete(ctx.succeeding(tx -> other
                        .query("SELECT position FROM " + schema + ".head WHERE id = 1 FOR UPDATE").execute()
                        .onComplete(ctx.succeeding(locked -> {
                            Future<AppendResult> outcome = append.apply(ledger);
                            waitingForTheHead(vertx, raw, schema)
                                    .compose(waiting -> writeVersionOne(other, schema))
                                    .compose(written -> tx.commit())
                                    .compose(committed -> outcome.transform(done -> Future.succeededFuture(done)))
                                    .compose(done -> ledger.readStream("acme", STREAM, 1, 100)
                                            .map(read -> {
                                                check.check(outcome, read.events());
                                                return read;
                                            }))
                                    .eventually(other::close)
                                    .eventually(raw::close)
                                    .eventually(ledger::close)
                                    .onComplete(ctx.succeedingThenComplete());
                        }))))))));
    }

    /**
     * Completes once a session of the ledger waits for a lock (the head row the raw session holds), in the
     * single-stream statement or, when that one saw no reason to wait, in {@code append_events}.
     */
    private static Future<Void> waitingForTheHead(Vertx vertx, Pool raw, String schema) {
        Promise<Void> waiting = Promise.promise();
        long timer = vertx.setPeriodic(20, tick -> raw.preparedQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND query LIKE $1").execute(Tuple.of("%" + schema + ".%"))
                .onSuccess(rows -> {
                    if (rows.iterator().next().getLong(0) > 0) {
                        waiting.tryComplete();
                    }
                }));
        return waiting.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    private static Future<Void> writeVersionOne(SqlConnection other, String schema) {
        return other.preparedQuery("INSERT INTO " + schema + ".events (position, tenant, stream, version, event_id,"
                        + " type, schema_version, payload, metadata) VALUES (1, 'acme', $1, 1, $2, 'Placed', 1, '{}',"
                        + " '{}')").execute(Tuple.of(STREAM.value(), MessageIds.next()))
                .compose(inserted -> other.query("UPDATE " + schema + ".head SET position = 1 WHERE id = 1")
                        .execute())
                .mapEmpty();
    }

    private static EventData event() {
        return new EventData(MessageIds.next(), "Placed", 1, new JsonObject().put("by", "ledger"), new JsonObject());
    }
}
