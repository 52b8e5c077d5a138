package io.whizbang.impl.ledger;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.Subscription;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A subscription that reads the ledger in batches from its position and, once caught up, waits for the driver's
 * append signal (with a slow poll as a safety net for signals lost across processes).
 *
 * <p>All its steps run on one Vert.x context, so the handler is never called concurrently with itself.
 */
public final class PollingSubscription implements Subscription {
    /** How often a caught-up subscription looks for new events even without a signal. */
    static final long SAFETY_POLL_MILLIS = 1000;

    private final Context context;
    private final Ledger ledger;
    private final int batchSize;
    private final Function<List<RecordedEvent>, Future<Void>> handler;
    private final Promise<Void> completion = Promise.promise();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final Runnable stopListening;
    private volatile long position;
    private volatile boolean cancelled;
    private boolean waiting;
    private long pollTimer = -1;

    private PollingSubscription(Vertx vertx, Ledger ledger, long afterPosition, int batchSize,
                                Function<List<RecordedEvent>, Future<Void>> handler) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.context = vertx.getOrCreateContext();
        this.ledger = ledger;
        this.position = afterPosition;
        this.batchSize = batchSize;
        this.handler = handler;
        this.stopListening = ledger.onAppend(this::signal);
    }

    /** Starts a subscription after the position. */
    public static Subscription start(Vertx vertx, Ledger ledger, long afterPosition, int batchSize,
                                     Function<List<RecordedEvent>, Future<Void>> handler) {
        PollingSubscription subscription = new PollingSubscription(vertx, ledger, afterPosition, batchSize, handler);
        subscription.context.runOnContext(v -> subscription.next());
        return subscription;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public Future<Void> completion() {
        return completion.future();
    }

    @Override
    public Future<Void> cancel() {
        cancelled = true;
        context.runOnContext(v -> {
            if (waiting) {
                finish(null);
            }
        });
        return completion.future();
    }

    private void signal() {
        dirty.set(true);
        if (wakeScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                wakeScheduled.set(false);
                if (waiting) {
                    waiting = false;
                    cancelPoll();
                    next();
                }
            });
        }
    }

    private void next() {
        if (cancelled) {
            finish(null);
            return;
        }
        dirty.set(false);
        ledger.readAll(position, batchSize)
                .compose(events -> events.isEmpty() ? Future.succeededFuture(false)
                        : handler.apply(events).map(done -> {
                            position = events.get(events.size() - 1).position();
                            return true;
                        }))
                .onSuccess(more -> {
                    if (more) {
                        context.runOnContext(v -> next());
                    } else {
                        waitForEvents();
                    }
                })
                .onFailure(this::finish);
    }

    private void waitForEvents() {
        if (cancelled) {
            finish(null);
            return;
        }
        if (dirty.get()) {
            next();
            return;
        }
        waiting = true;
        pollTimer = context.owner().setTimer(SAFETY_POLL_MILLIS, id -> {
            pollTimer = -1;
            if (waiting) {
                waiting = false;
                next();
            }
        });
    }

    private void cancelPoll() {
        if (pollTimer >= 0) {
            context.owner().cancelTimer(pollTimer);
            pollTimer = -1;
        }
    }

    private void finish(Throwable failure) {
        waiting = false;
        cancelPoll();
        stopListening.run();
        if (failure == null) {
            completion.tryComplete();
        } else {
            completion.tryFail(failure);
        }
    }
}
