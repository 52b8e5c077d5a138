package io.whizbang.gateway.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The source stream of a GraphQL subscription: a Reactive Streams publisher of one caller's ledger events, first
 * the history it was given, then every matching event after a ledger position as it commits.
 *
 * <p>It honours demand: a ledger batch waits until the client asked for all its matching events, so a slow client
 * holds back the ledger subscription rather than filling memory. Cancelling (the client's {@code complete}, or a
 * closed socket) stops the ledger subscription. Every step runs on the Vert.x context that subscribed.
 */
final class LiveEvents implements Publisher<Object> {
    private static final Logger LOG = Logger.getLogger(LiveEvents.class.getName());

    private final Vertx vertx;
    private final Ledger ledger;
    private final long afterPosition;
    private final List<JsonObject> history;
    private final Function<RecordedEvent, JsonObject> select;
    private final int batchSize;
    private final AtomicInteger active;

    /**
     * A stream of events.
     *
     * @param history       what to deliver first, already selected
     * @param afterPosition where the live part starts (exclusive)
     * @param select        the event as the schema shows it, or {@code null} when the caller does not get it
     * @param active        counts the streams running, for the gateway's gauge
     */
    LiveEvents(Vertx vertx, Ledger ledger, List<JsonObject> history, long afterPosition,
               Function<RecordedEvent, JsonObject> select, int batchSize, AtomicInteger active) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.history = List.copyOf(history);
        this.afterPosition = afterPosition;
        this.select = select;
        this.batchSize = batchSize;
        this.active = active;
    }

    @Override
    public void subscribe(Subscriber<? super Object> subscriber) {
        new Feed(subscriber).start();
    }

    /** One subscriber's feed. */
    private final class Feed implements Subscription {
        private final Context context = vertx.getOrCreateContext();
        private final Subscriber<? super Object> subscriber;
        private final ArrayDeque<Object> buffer = new ArrayDeque<>();
        private long demand;
        private boolean done;
        private Promise<Void> waiting;
        private io.whizbang.ledger.Subscription source;

        Feed(Subscriber<? super Object> subscriber) {
            this.subscriber = subscriber;
        }

        void start() {
            context.runOnContext(v -> {
                active.incrementAndGet();
                subscriber.onSubscribe(this);
                buffer.addAll(history);
                if (done) {
                    return;
                }
                source = ledger.subscribe(vertx, afterPosition, batchSize, this::onBatch);
                source.completion().onFailure(this::fail);
            });
        }

        @Override
        public void request(long n) {
            context.runOnContext(v -> {
                if (done) {
                    return;
                }
                if (n <= 0) {
                    fail(new IllegalArgumentException("a subscriber must request a positive number of events "
                            + "(Reactive Streams rule 3.9), requested " + n));
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                drain();
            });
        }

        @Override
        public void cancel() {
            context.runOnContext(v -> stop());
        }

        private Future<Void> onBatch(List<RecordedEvent> batch) {
            if (done) {
                return Future.succeededFuture();
            }
            for (RecordedEvent event : batch) {
                Object selected = selected(event);
                if (selected != null) {
                    buffer.add(selected);
                }
            }
            drain();
            if (done || buffer.isEmpty()) {
                return Future.succeededFuture();
            }
            waiting = Promise.promise();
            return waiting.future();
        }

        private Object selected(RecordedEvent event) {
            try {
                return select.apply(event);
            } catch (RuntimeException unreadable) {
                LOG.log(Level.WARNING, "event " + event.eventId() + " at position " + event.position()
                        + " cannot be read as " + event.type() + "; a subscription skips it", unreadable);
                return null;
            }
        }

        private void drain() {
            while (!done && demand > 0 && !buffer.isEmpty()) {
                demand--;
                subscriber.onNext(buffer.poll());
            }
            if ((done || buffer.isEmpty()) && waiting != null) {
                Promise<Void> batchDone = waiting;
                waiting = null;
                batchDone.tryComplete();
            }
        }

        private void stop() {
            if (done) {
                return;
            }
            done = true;
            buffer.clear();
            drain();
            if (source != null) {
                source.cancel();
            }
            active.decrementAndGet();
        }

        private void fail(Throwable failure) {
            if (done) {
                return;
            }
            stop();
            subscriber.onError(new StreamFailure(WhizbangException.wrap(failure).code(), failure.getMessage()));
        }
    }

    /**
     * Why a live stream stopped, as the WebSocket {@code error} message shows it: the code and the reason, never a
     * stack trace or a class name.
     */
    static final class StreamFailure extends RuntimeException {
        StreamFailure(ErrorCode code, String reason) {
            super(code.name() + ": " + (code == ErrorCode.INTERNAL ? "the event stream failed" : reason), null,
                    false, false);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
