package io.whizbang.outbox;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.whizbang.ledger.Ledger;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes a ledger's committed outbox rows: reads a batch, hands it to the publisher, and marks it published
 * only after the publisher succeeded. A failure is retried after a growing delay, so nothing committed is lost;
 * a crash between publishing and marking publishes the batch again, which the receiving inbox de-duplicates.
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
        outbox.pending(options.getBatchSize())
                .compose(batch -> batch.isEmpty() ? Future.succeededFuture(0) : publishAndMark(batch))
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

    private Future<Integer> publishAndMark(List<OutboxRecord> batch) {
        return publisher.publish(batch)
                .compose(done -> outbox.markPublished(batch.stream().map(OutboxRecord::sequence).toList()))
                .map(done -> {
                    published.addAndGet(batch.size());
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
        idle = false;
        if (timer >= 0) {
            context.owner().cancelTimer(timer);
            timer = -1;
        }
        stopListening.run();
        stopped.tryComplete();
    }
}
