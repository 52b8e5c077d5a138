package io.whizbang.ledger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.impl.ledger.MemoryLedger;
import io.whizbang.impl.ledger.PollingSubscription;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The event store: appends with an expected version, reads a stream, reads everything from a global position,
 * subscribes.
 *
 * <p>A storage driver implements this interface and passes the {@code LedgerContractTest} suite. Every method
 * returns a future and never blocks the calling event loop.
 */
public interface Ledger {
    /** A ledger held in memory, for tests and the {@code memory} store. */
    static Ledger memory(Vertx vertx) {
        return new MemoryLedger(vertx, LedgerOptions.DEFAULT_MAX_EVENT_BYTES);
    }

    /** A ledger held in memory with the given options. */
    static Ledger memory(Vertx vertx, LedgerOptions options) {
        return new MemoryLedger(vertx, options.getMaxEventBytes());
    }

    /**
     * Appends to one or more streams and writes outgoing messages to the outbox, atomically: all commit or none.
     *
     * <p>Fails with a {@link io.whizbang.error.ConcurrencyException} when a stream is not at its expected version.
     * Appending events whose ids are already stored, in the same stream and order, returns the original result and
     * writes no outbox row again.
     */
    Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox);

    /** Appends to one or more streams atomically, with no outgoing message. */
    default Future<AppendResult> append(List<StreamAppend> appends) {
        return append(appends, List.of());
    }

    /**
     * Appends like {@link #append(List, List)} and records an incoming message in the inbox, in the same
     * transaction: the events, the outgoing messages and the inbox entry commit together or not at all.
     *
     * <p>When the inbox already holds the message id nothing is written and the future fails with
     * {@link AlreadyHandledException}: the message's effects are already stored. This is how a consumer of an
     * at-least-once transport applies each message once. A ledger that keeps no inbox ({@link #keepsInbox()} is
     * false) fails with {@code INTERNAL}.
     */
    default Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox, InboxEntry received) {
        return Future.failedFuture(noInbox());
    }

    /**
     * Records an incoming message whose handling wrote nothing (it was rejected, or decided on no events), so a
     * redelivery is skipped; succeeds with {@code true} when it was recorded now, {@code false} when it already was.
     */
    default Future<Boolean> markHandled(InboxEntry received) {
        return Future.failedFuture(noInbox());
    }

    /** Whether the inbox holds the message id: its effects are stored, or it was marked handled. */
    default Future<Boolean> handled(UUID messageId) {
        return Future.failedFuture(noInbox());
    }

    /** Whether this ledger keeps an inbox, so the three methods above work. */
    default boolean keepsInbox() {
        return false;
    }

    private static PermanentException noInbox() {
        return new PermanentException(ErrorCode.INTERNAL, "this ledger keeps no inbox; use the memory, SQLite or"
                + " PostgreSQL driver in this JVM for an inbound transport", null);
    }

    /** The outgoing messages committed with the events, for the relay. */
    Outbox outbox();

    /** Where this ledger keeps aggregate snapshots; {@link SnapshotStore#none()} when it keeps none. */
    default SnapshotStore snapshots() {
        return SnapshotStore.none();
    }

    /** Appends to one stream. */
    default Future<AppendResult> append(String tenant, StreamId stream, ExpectedVersion expected,
                                        List<EventData> events) {
        return append(List.of(new StreamAppend(tenant, stream, expected, events)));
    }

    /** Reads one stream from a version on (inclusive), at most {@code maxCount} events. */
    Future<StreamSlice> readStream(String tenant, StreamId stream, long fromVersion, int maxCount);

    /** The stream's version and the times of its first and last events; version 0 for a stream that does not exist. */
    default Future<StreamInfo> info(String tenant, StreamId stream) {
        return readStream(tenant, stream, 1, 1).compose(first -> {
            if (first.events().isEmpty()) {
                return Future.succeededFuture(new StreamInfo(tenant, stream, 0, null, null));
            }
            return readStream(tenant, stream, first.streamVersion(), 1).map(last -> new StreamInfo(tenant, stream,
                    last.streamVersion(), first.events().get(0).timestamp(),
                    last.events().isEmpty() ? first.events().get(0).timestamp()
                            : last.events().get(last.events().size() - 1).timestamp()));
        });
    }

    /**
     * Reads every tenant's events after a global position (exclusive), in position order, at most
     * {@code maxCount}.
     *
     * <p>Never skips an event that commits later with a lower position: what it returns is a gap-free prefix.
     */
    Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount);

    /** The position of the last event a reader can see. */
    Future<Long> head();

    /**
     * Registers a listener called, on no particular thread, whenever new events may be readable.
     *
     * @return what to run to stop listening
     */
    Runnable onAppend(Runnable listener);

    /**
     * Delivers every event after the position, in batches of at most {@code batchSize}: first the stored ones,
     * then new ones as they commit. The next batch waits for the handler's future, so a slow handler applies
     * back-pressure; a failed future stops the subscription.
     */
    default Subscription subscribe(Vertx vertx, long afterPosition, int batchSize,
                                   Function<List<RecordedEvent>, Future<Void>> handler) {
        return PollingSubscription.start(vertx, this, afterPosition, batchSize, handler);
    }

    /** Releases the driver's resources. */
    Future<Void> close();
}
