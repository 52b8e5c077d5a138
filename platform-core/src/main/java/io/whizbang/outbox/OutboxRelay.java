package io.whizbang.outbox;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.whizbang.ledger.Ledger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes a ledger's committed outbox rows: reads a batch, hands it to the publisher, and marks it published
 * only after the publisher succeeded. A failure is retried after a growing delay, so nothing committed is lost;
 * a crash between publishing and marking publishes the batch again, which the receiving inbox de-duplicates.
 *
 * <p>Marking a batch overlaps reading and publishing the next one (at most one mark runs at a time, and rows whose
 * mark is running are left out of the next read), so the marks' writes do not stretch the time from a commit to its
 * publication. A batch is published only after the one before it was acknowledged, so order holds.
 */
public final class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    private final Context context;
    private final Outbox outbox;
    private final OutboxPublisher publisher;
    private final OutboxRelayOptions options;
    private final Runnable stopListening;
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final AtomicLong published = new AtomicLong();
    private final Promise<Void> stopped = Promise.promise();
    private volatile boolean stopping;
    private boolean idle;
    private boolean backingOff;
    private long timer = -1;
    private long backoff;
    private Future<Void> marking = Future.succeededFuture();
    private Set<Long> beingMarked = Set.of();

    private OutboxRelay(Vertx vertx, Ledger ledger, OutboxPublisher publisher, OutboxRelayOptions options) {
        this.context = vertx.getOrCreateContext();
        this.outbox = ledger.outbox();
        this.publisher = publisher;
        this.options = options;
        this.backoff = options.getInitialBackoffMillis();
        this.stopListening = ledger.onAppend(this::signal);
    }

    /** Starts relaying the ledger's outbox to the publisher. */
    public static OutboxRelay start(Vertx vertx, Ledger ledger, OutboxPublisher publisher,
                                    OutboxRelayOptions options) {
        OutboxRelay relay = new OutboxRelay(vertx, ledger, publisher, options);
        relay.context.runOnContext(v -> relay.next());
        return relay;
    }

    /** How many records this relay has published and marked. */
    public long published() {
        return published.get();
    }

    /** Stops after the batch in hand; completes when it is done. */
    public Future<Void> stop() {
        stopping = true;
        context.runOnContext(v -> {
            if (idle) {
                finish();
            }
        });
        return stopped.future();
    }

    private void signal() {
        dirty.set(true);
        context.runOnContext(v -> {
            if (idle && !backingOff) {
                wake();
            }
        });
    }

    private void wake() {
        idle = false;
        if (timer >= 0) {
            context.owner().cancelTimer(timer);
            timer = -1;
        }
        next();
    }

    private void next() {
        if (stopping) {
            finish();
            return;
        }
        dirty.set(false);
        Set<Long> skipped = beingMarked;
        outbox.pending(options.getBatchSize() + skipped.size())
                .map(rows -> unmarked(rows, skipped))
                .compose(batch -> batch.isEmpty() ? marking.map(0) : publishAndMark(batch))
                .onSuccess(count -> {
                    backoff = options.getInitialBackoffMillis();
                    if (count > 0 || dirty.get()) {
                        context.runOnContext(v -> next());
                    } else {
                        sleep(options.getPollMillis(), false);
                    }
                })
                .onFailure(failure -> {
                    LOG.log(Level.WARNING, "outbox relay failed; retrying in " + backoff + " ms", failure);
                    long delay = backoff;
                    backoff = Math.min(options.getMaxBackoffMillis(), backoff * 2);
                    sleep(delay, true);
                });
    }

    private List<OutboxRecord> unmarked(List<OutboxRecord> rows, Set<Long> skipped) {
        List<OutboxRecord> batch = new ArrayList<>(Math.min(rows.size(), options.getBatchSize()));
        for (OutboxRecord row : rows) {
            if (batch.size() == options.getBatchSize()) {
                break;
            }
            if (!skipped.contains(row.sequence())) {
                batch.add(row);
            }
        }
        return batch;
    }

    /** Publishes the batch, then starts marking it once the previous mark finished; completes when it is sent. */
    private Future<Integer> publishAndMark(List<OutboxRecord> batch) {
        return publisher.publish(batch)
                .compose(done -> marking)
                .map(done -> {
                    List<Long> sequences = batch.stream().map(OutboxRecord::sequence).toList();
                    beingMarked = new HashSet<>(sequences);
                    marking = outbox.markPublished(sequences).transform(marked -> {
                        beingMarked = Set.of();
                        if (marked.succeeded()) {
                            published.addAndGet(batch.size());
                        } else {
                            // the rows stay pending and are published again: a duplicate, never a loss
                            LOG.log(Level.WARNING, "marking " + batch.size() + " outbox rows published failed;"
                                    + " they will be published again", marked.cause());
                        }
                        return Future.<Void>succeededFuture();
                    });
                    return batch.size();
                });
    }

    /** Waits before the next read; a backoff after a failure is not cut short by new appends. */
    private void sleep(long millis, boolean afterFailure) {
        if (stopping) {
            finish();
            return;
        }
        idle = true;
        backingOff = afterFailure;
        timer = context.owner().setTimer(millis, id -> {
            timer = -1;
            if (idle) {
                idle = false;
                backingOff = false;
                next();
            }
        });
    }

    private void finish() {
        if (!marking.isComplete()) {
            marking.onComplete(done -> finish());
            return;
        }
        idle = false;
        if (timer >= 0) {
            context.owner().cancelTimer(timer);
            timer = -1;
        }
        stopListening.run();
        stopped.tryComplete();
    }
}
