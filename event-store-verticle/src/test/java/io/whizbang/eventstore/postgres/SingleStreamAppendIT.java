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

    /**
     * Appends of 1 to 129 events, across the size where the statement changes (rows of parameters up to 8, arrays
     * above), each to a stream that already has an event: every event is stored once, in order, with the next
     * versions and dense global positions.
     */
    @Test
    @Timeout(value = 2, timeUnit = TimeUnit.MINUTES)
    void appendsOfEveryStatementSizeStoreTheirEventsInOrder(Vertx vertx, VertxTestContext ctx) {
        int[] sizes = {1, 2, 3, 7, 8, 9, 100, 129};
        PostgresLedger.connect(vertx, PostgresServer.get().freshOptions()).onComplete(ctx.succeeding(ledger -> {
            Future<Long> written = Future.succeededFuture(0L);
            for (int size : sizes) {
                StreamId stream = StreamId.of("Sized", "of-" + size);
                written = written.compose(before -> ledger.append("acme", stream, ExpectedVersion.noStream(),
                                List.of(event()))
                        .compose(first -> ledger.append("acme", stream, ExpectedVersion.exactly(1), numbered(size)))
                        .compose(result -> {
                            assertThat(result.version()).as("version after %d events", size).isEqualTo(size + 1);
                            assertThat(result.position()).as("position after %d events", size)
                                    .isEqualTo(before + size + 1);
                            return ledger.readStream("acme", stream, 1, 1000);
                        })
                        .map(read -> {
                            List<RecordedEvent> events = read.events();
                            assertThat(events).hasSize(size + 1);
                            for (int i = 1; i <= size; i++) {
                                RecordedEvent event = events.get(i);
                                assertThat(event.version()).isEqualTo(i + 1);
                                assertThat(event.position()).isEqualTo(before + i + 1);
                                assertThat(event.payload().getInteger("n")).as("event %d of %d", i, size)
                                        .isEqualTo(i);
                                assertThat(event.schemaVersion()).isEqualTo(1 + i % 3);
                            }
                            return before + size + 1;
                        }));
            }
            written.compose(total -> ledger.readAll(0, 2000).map(all -> {
                        assertThat(all).extracting(RecordedEvent::position)
                                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, total)
                                        .boxed().toList());
                        return all;
                    }))
                    .eventually(ledger::close)
                    .onComplete(ctx.succeedingThenComplete());
        }));
    }

    private static List<EventData> numbered(int count) {
        List<EventData> events = new java.util.ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            events.add(new EventData(MessageIds.next(), "Numbered", 1 + i % 3, new JsonObject().put("n", i),
                    new JsonObject().put("of", count)));
        }
        return events;
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
