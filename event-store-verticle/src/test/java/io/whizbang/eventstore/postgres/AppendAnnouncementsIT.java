package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database: an append on one wakes the other's append listeners (a subscription there reads on),
 * and a node's own announcements do not wake its listeners a second time. An append transaction asked to announce
 * notifies with its own commit. A node that no other node listens to announces nothing, and starts when one joins.
 */
@ExtendWith(VertxExtension.class)
class AppendAnnouncementsIT {
    /** How long after the second wake-up a third would have shown (notifications arrive in order, at once). */
    private static final long SETTLE_MILLIS = 300;
    /** Long enough after an append for its announcement to have been sent and heard, were one due: 30 windows. */
    private static final long QUIET_MILLIS = 30 * PgAppendSignal.WINDOW_MILLIS;
    /** A check period that no test outlives: only a node's saying it joined can tell the others. */
    private static final long NEVER_MILLIS = TimeUnit.HOURS.toMillis(1);

    @Test
    @Timeout(value = 1, timeUnit = TimeUnit.MINUTES)
    void aNodeNoOtherNodeListensToAnnouncesNothing(Vertx vertx, VertxTestContext ctx) {
        PostgresLedgerOptions options = PostgresServer.get().freshOptions();
        AtomicInteger heard = new AtomicInteger();
        PgSubscriber overhearing = overhearing(vertx, options, heard);
        PostgresLedger.connect(vertx, options)
                .compose(ledger -> overhearing.connect()
                        .compose(listening -> appendSpacedOut(vertx, ledger, "lone", 5))
                        .compose(written -> vertx.timer(QUIET_MILLIS))
                        .eventually(() -> Future.join(ledger.close(), overhearing.close())))
                .onComplete(ctx.succeeding(quiet -> ctx.verify(() -> {
                    assertThat(heard.get()).isZero();
                    ctx.completeNow();
                })));
    }

    @Test
    @Timeout(value = 1, timeUnit = TimeUnit.MINUTES)
    void aNodeThatJoinsIsToldOfTheAppendsOfANodeThatAnnouncedToNobody(Vertx vertx, VertxTestContext ctx) {
        PostgresLedgerOptions options = PostgresServer.get().freshOptions();
        // A starts alone and announces nothing; neither looks again whether others listen: B must say it joined.
        PostgresLedger.connect(vertx, options, NEVER_MILLIS)
                .compose(a -> a.append(List.of(append("before")))
                        .compose(before -> PostgresLedger.connect(vertx, options, NEVER_MILLIS))
                        .compose(b -> {
                            Promise<Long> read = Promise.promise();
                            // What a subscription on B does: read on when woken, until A's append shows.
                            b.onAppend(() -> b.readStream("acme", StreamId.of("Order", "after"), 1, 10)
                                    .onSuccess(slice -> {
                                        if (!slice.events().isEmpty()) {
                                            read.tryComplete(slice.streamVersion());
                                        }
                                    }));
                            return a.append(List.of(append("after")))
                                    .compose(written -> read.future())
                                    .eventually(b::close);
                        })
                        .eventually(a::close))
                .onComplete(ctx.succeeding(version -> ctx.verify(() -> {
                    assertThat(version).isEqualTo(1L);
                    ctx.completeNow();
                })));
    }

    @Test
    @Timeout(value = 1, timeUnit = TimeUnit.MINUTES)
    void aNodeStopsAnnouncingOnceTheOthersLeft(Vertx vertx, VertxTestContext ctx) {
        PostgresLedgerOptions options = PostgresServer.get().freshOptions();
        AtomicInteger heard = new AtomicInteger();
        PgSubscriber overhearing = overhearing(vertx, options, heard);
        long checkMillis = 50;
        PostgresLedger.connect(vertx, options, checkMillis)
                .compose(a -> overhearing.connect()
                        .compose(listening -> PostgresLedger.connect(vertx, options, checkMillis))
                        .compose(b -> appendSpacedOut(vertx, a, "while-b", 3)
                                .compose(written -> vertx.timer(QUIET_MILLIS))
                                .map(quiet -> heard.getAndSet(0))
                                .eventually(b::close))
                        .compose(whileB -> vertx.timer(20 * checkMillis)
                                .compose(gone -> {
                                    heard.set(0);
                                    return appendSpacedOut(vertx, a, "after-b", 3);
                                })
                                .compose(written -> vertx.timer(QUIET_MILLIS))
                                .map(quiet -> new int[] {whileB, heard.get()}))
                        .eventually(() -> Future.join(a.close(), overhearing.close())))
                .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
                    assertThat(counts[0]).as("announcements while B listened").isPositive();
                    assertThat(counts[1]).as("announcements after B left").isZero();
                    ctx.completeNow();
                })));
    }

    @Test
    @Timeout(value = 1, timeUnit = TimeUnit.MINUTES)
    void anAppendWakesTheOtherNodesListenersAndItsOwnOnlyOnce(Vertx vertx, VertxTestContext ctx) {
        PostgresLedgerOptions options = PostgresServer.get().freshOptions();
        PostgresLedger.connect(vertx, options).compose(a -> PostgresLedger.connect(vertx, options).compose(b -> {
            AtomicInteger wokenA = new AtomicInteger();
            Promise<Void> bHeardA = Promise.promise();
            Promise<Void> aHeardB = Promise.promise();
            a.onAppend(() -> {
                if (wokenA.incrementAndGet() == 2) {
                    aHeardB.tryComplete();
                }
            });
            b.onAppend(bHeardA::tryComplete);
            // B appends only once it heard of A's append, so A's own announcement, committed before it, reaches A's
            // listening connection before B's. Were it not skipped, A would be woken a third time, right after the
            // second: the count is read a moment after the second wake-up, for that third to show.
            return a.append(List.of(append("A")))
                    .compose(written -> bHeardA.future())
                    .compose(heard -> b.append(List.of(append("B"))))
                    .compose(written -> aHeardB.future())
                    .compose(heard -> vertx.timer(SETTLE_MILLIS))
                    .map(settled -> wokenA.get())
                    .eventually(() -> Future.join(a.close(), b.close()));
        })).onComplete(ctx.succeeding(woken -> ctx.verify(() -> {
            // Once by its own append, once by B's announcement; not by its own announcement.
            assertThat(woken).isEqualTo(2);
            ctx.completeNow();
        })));
    }

    @Test
    @Timeout(value = 1, timeUnit = TimeUnit.MINUTES)
    void anAppendTransactionAskedToAnnounceNotifiesWithItsCommit(Vertx vertx, VertxTestContext ctx) {
        PostgresLedgerOptions options = PostgresServer.get().freshOptions();
        Promise<String> heard = Promise.promise();
        PgSubscriber listener = PgSubscriber.subscriber(vertx, options.connectOptions());
        listener.channel(options.getSchema() + "_appended").handler(heard::tryComplete);
        Pool pool = PgBuilder.pool().connectingTo(options.connectOptions()).using(vertx).build();
        PgAppender.QueuedAppend queued = new PgAppender.QueuedAppend(List.of(append("carried")), List.of(), null,
                vertx.getOrCreateContext());
        // The ledger creates the schema; the transaction is then run as the appender runs it, asked to announce.
        PostgresLedger.connect(vertx, options)
                .compose(ledger -> listener.connect()
                        .compose(listening -> PgAppendTransaction.run(pool, new PgStatements(options.getSchema()),
                                List.of(queued), "node-42"))
                        .compose(outcome -> {
                            ctx.verify(() -> assertThat(outcome.committed()).isTrue());
                            return heard.future();
                        })
                        .eventually(() -> Future.join(ledger.close(), listener.close(), pool.close())))
                .onComplete(ctx.succeeding(payload -> ctx.verify(() -> {
                    assertThat(payload).isEqualTo("node-42");
                    ctx.completeNow();
                })));
    }

    /**
     * A connection that counts the notifications on the ledger's channel; not named as a node's listener, it
     * overhears the channel without joining.
     */
    private static PgSubscriber overhearing(Vertx vertx, PostgresLedgerOptions options, AtomicInteger heard) {
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options.connectOptions());
        subscriber.channel(options.getSchema() + "_appended").handler(payload -> heard.incrementAndGet());
        return subscriber;
    }

    /** Appends to {@code count} streams, two announcement windows apart, so that each would be announced. */
    private static Future<Void> appendSpacedOut(Vertx vertx, PostgresLedger ledger, String prefix, int count) {
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < count; i++) {
            String stream = prefix + "-" + i;
            chain = chain.compose(previous -> ledger.append(List.of(append(stream))))
                    .compose(written -> vertx.timer(2 * PgAppendSignal.WINDOW_MILLIS))
                    .mapEmpty();
        }
        return chain;
    }

    private static StreamAppend append(String node) {
        return new StreamAppend("acme", StreamId.of("Order", node), ExpectedVersion.noStream(),
                List.of(new EventData(MessageIds.next(), "Placed", 1, new JsonObject().put("node", node),
                        new JsonObject())));
    }
}
