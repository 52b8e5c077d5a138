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
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many concurrent writers on two nodes (two ledgers on one database), some of whose transactions stay open for 400 ms
 * after writing their events (a trigger sleeps 200 ms per {@code Slow} event), and one reader that follows the global
 * order from its last position the whole time: it must see every committed event exactly once, positions going up by
 * exactly one, and every stream's versions in order.
 */
@ExtendWith(VertxExtension.class)
class GapSafeReadIT {
    private static final int WRITERS = 16;
    private static final int APPENDS_PER_WRITER = 200;
    private static final int SHARED_STREAMS = 4;
    private static final int SLOW_WRITERS = 3;
    private static final int SLOW_TRANSACTIONS = 12;

    private final Set<UUID> committed = ConcurrentHashMap.newKeySet();

    @Test
    @Timeout(value = 3, timeUnit = TimeUnit.MINUTES)
    void aReaderFollowingTheGlobalOrderSeesEveryCommittedEventOnceAndInOrder(Vertx vertx, VertxTestContext ctx) {
        PostgresLedgerOptions options = PostgresServer.get().freshOptions().setPoolSize(8);
        Pool raw = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
                .connectingTo(PostgresServer.get().connectOptions()).using(vertx).build();
        String schema = options.getSchema();
        String events = schema + ".events";
        List<PostgresLedger> nodes = new ArrayList<>();
        PostgresLedger.connect(vertx, options).onSuccess(nodes::add)
                .compose(first -> PostgresLedger.connect(vertx, options).onSuccess(nodes::add))
                .compose(started -> raw.query("CREATE FUNCTION " + schema + ".slow_commit() RETURNS trigger"
                        + " LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.2); RETURN NULL; END $$;"
                        + " CREATE TRIGGER slow_commit AFTER INSERT ON " + events + " FOR EACH ROW"
                        + " WHEN (NEW.type = 'Slow') EXECUTE FUNCTION " + schema + ".slow_commit()").execute())
                .onComplete(ctx.succeeding(created -> {
            PostgresLedger ledger = nodes.get(0);
            Reader reader = new Reader(vertx, ledger);
            Future<Void> read = reader.run();
            List<Future<Void>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(writer(nodes.get(w % 2), w, 0, 0));
            }
            for (int s = 0; s < SLOW_WRITERS; s++) {
                writers.add(slowWriter(nodes.get(1), s, 0));
            }
            Future.all(writers)
                    .compose(done -> raw.query("SELECT count(*) FROM " + events).execute())
                    .compose(count -> {
                        long stored = count.iterator().next().getLong(0);
                        ctx.verify(() -> assertThat(stored).isEqualTo(committed.size()));
                        reader.stopAt(stored);
                        return read;
                    })
                    .compose(done -> raw.query("SELECT count(*) FROM " + events + " WHERE type = 'Slow'").execute())
                    .onComplete(ctx.succeeding(slow -> ctx.verify(() -> {
                        assertThat(slow.iterator().next().getLong(0)).isEqualTo(2L * SLOW_WRITERS * SLOW_TRANSACTIONS);
                        assertThat(reader.seen).hasSize(committed.size()).containsAll(committed);
                        assertThat(reader.last).isEqualTo(committed.size());
                        assertThat(committed.size()).isGreaterThan(WRITERS * APPENDS_PER_WRITER);
                        Future.all(nodes.stream().map(PostgresLedger::close).toList())
                                .compose(closed -> raw.close()).onComplete(ctx.succeedingThenComplete());
                    })));
        }));
    }

    /** Appends 1-3 events to its own stream at an exact version, and every fourth time to a shared one as well. */
    private Future<Void> writer(PostgresLedger ledger, int writer, int done, long version) {
        if (done == APPENDS_PER_WRITER) {
            return Future.succeededFuture();
        }
        int count = 1 + ThreadLocalRandom.current().nextInt(3);
        List<StreamAppend> appends = new ArrayList<>();
        appends.add(new StreamAppend("tenant" + writer % 3, StreamId.of("Writer", writer),
                ExpectedVersion.exactly(version), events(count)));
        if (done % 4 == 0) {
            appends.add(new StreamAppend("shared", StreamId.of("Shared", writer % SHARED_STREAMS),
                    ExpectedVersion.any(), events(1)));
        }
        return ledger.append(appends).compose(result -> {
            appends.forEach(append -> append.events().forEach(event -> committed.add(event.eventId())));
            return writer(ledger, writer, done + 1, version + count);
        });
    }

    /** Appends two {@code Slow} events at a time, each append's transaction held open 400 ms by the trigger. */
    private Future<Void> slowWriter(PostgresLedger ledger, int writer, int done) {
        if (done == SLOW_TRANSACTIONS) {
            return Future.succeededFuture();
        }
        List<EventData> slow = List.of(
                new EventData(MessageIds.next(), "Slow", 1, new JsonObject().put("n", done), new JsonObject()),
                new EventData(MessageIds.next(), "Slow", 1, new JsonObject().put("n", done), new JsonObject()));
        return ledger.append(List.of(new StreamAppend("slow", StreamId.of("Slow", writer),
                        ExpectedVersion.exactly(2L * done), slow)))
                .compose(appended -> {
                    slow.forEach(event -> committed.add(event.eventId()));
                    return slowWriter(ledger, writer, done + 1);
                });
    }

    private static List<EventData> events(int count) {
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new EventData(MessageIds.next(), "Happened", 1, new JsonObject().put("n", i),
                    new JsonObject()));
        }
        return events;
    }

    /** Reads on from its last position, from the start of the run until it has read the last event stored. */
    private static final class Reader {
        private final Vertx vertx;
        private final PostgresLedger ledger;
        private final Set<UUID> seen = new HashSet<>();
        private final Map<String, Long> versions = new HashMap<>();
        private final Promise<Void> finished = Promise.promise();
        private volatile long stopAt = Long.MAX_VALUE;
        private long last;

        Reader(Vertx vertx, PostgresLedger ledger) {
            this.vertx = vertx;
            this.ledger = ledger;
        }

        Future<Void> run() {
            next();
            return finished.future();
        }

        /** Finish once the event at this position is read. */
        void stopAt(long position) {
            stopAt = position;
        }

        private void next() {
            ledger.readAll(last, 100).onComplete(read -> {
                if (read.failed()) {
                    finished.fail(read.cause());
                    return;
                }
                try {
                    read.result().forEach(this::check);
                } catch (AssertionError e) {
                    finished.fail(e);
                    return;
                }
                if (last >= stopAt) {
                    finished.complete();
                } else if (!read.result().isEmpty()) {
                    vertx.runOnContext(v -> next());
                } else {
                    vertx.setTimer(2, id -> next());
                }
            });
        }

        private void check(RecordedEvent event) {
            assertThat(event.position()).as("position after %d", last).isEqualTo(last + 1);
            last = event.position();
            assertThat(seen.add(event.eventId())).as("event %s seen once", event.eventId()).isTrue();
            String stream = event.tenant() + "/" + event.stream();
            long previous = versions.getOrDefault(stream, 0L);
            assertThat(event.version()).as("version of %s", stream).isEqualTo(previous + 1);
            versions.put(stream, event.version());
        }
    }
}
