package io.whizbang.eventstore.postgres;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.whizbang.error.ConcurrencyException;
import io.whizbang.error.PermanentException;
import io.whizbang.ledger.AlreadyHandledException;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.spi.AppendChecks;
import io.whizbang.outbox.OutboxMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes appends in append transactions ({@link PgAppendTransaction}), one at a time per node: the appends that
 * arrive while a transaction is in flight wait, and go together in the next one, so that under load many appends
 * share one commit and one disk flush, as PostgreSQL's group commit shares one between sessions; a lone append goes
 * at once. When a transaction answered several callers, the next one waits up to {@link #GATHER_MILLIS} for them to
 * append again rather than leave with the first of them alone.
 *
 * <p>Each append keeps its own outcome: one whose expected version does not match writes nothing and fails with a
 * {@link ConcurrencyException} while the others commit. An append that the server refuses outright (a repeated
 * event id, data it cannot store) rolls its whole transaction back; then every append of it runs again alone, so
 * only the one at fault fails. A retried append whose event ids are already stored answers the original result, as
 * every driver does; see {@link PgRepeats}. A future completes on the context the append was called on.
 */
final class PgAppender {
    /**
     * How many append transactions of this node may be in flight at once. One: transactions hold the head row's lock
     * until their commit is on disk, so a second one would only wait on the server, with fewer appends than it
     * would carry by waiting here (measured: 32 and 48% of the raw insert at concurrency 32 with two, 95% with one).
     */
    static final int TRANSACTIONS_IN_FLIGHT = 1;
    /** The longest an append waits for the callers answered last to append again (see {@link #writeWaiting}). */
    static final long GATHER_MILLIS = 1;
    /** The most appends one transaction carries. */
    static final int MAX_APPENDS_PER_TRANSACTION = 128;
    /** The most events one transaction carries, unless a single append has more. */
    static final int MAX_EVENTS_PER_TRANSACTION = 4096;

    private final Vertx vertx;
    private final Pool pool;
    private final PgStatements sql;
    private final PgRepeats repeats;
    private final PgAppendSignal signal;
    private final int maxEventBytes;
    private final String store;
    private final ArrayDeque<QueuedAppend> waiting = new ArrayDeque<>();
    private int inFlight;
    /** How many appends the last transaction answered; their callers may be about to append again. */
    private int answeredLast;
    /** Whether a gathering timer runs. */
    private boolean gathering;
    /** Whether the gathering time is up: the next transaction goes with what waits. */
    private boolean gathered;

    /** @param signal announces this node's commits to the other nodes */
    PgAppender(Vertx vertx, Pool pool, PgStatements sql, int maxEventBytes, String store, PgAppendSignal signal) {
        this.vertx = vertx;
        this.pool = pool;
        this.sql = sql;
        this.repeats = new PgRepeats(pool, sql, store);
        this.signal = signal;
        this.maxEventBytes = maxEventBytes;
        this.store = store;
    }

    /** Appends atomically; the result carries each stream's new version and the last event's global position. */
    Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        return append(appends, outbox, null);
    }

    /**
     * Appends atomically, recording the incoming message (when not null) in the inbox in the same transaction; fails
     * with {@link AlreadyHandledException} and writes nothing when the inbox already holds it.
     */
    Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox, InboxEntry received) {
        try {
            AppendChecks.check(appends, maxEventBytes);
            checkOutbox(outbox);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        QueuedAppend append = new QueuedAppend(List.copyOf(appends), List.copyOf(outbox), received,
                vertx.getOrCreateContext());
        synchronized (this) {
            waiting.add(append);
        }
        writeWaiting();
        return append.promise.future();
    }

    /**
     * Starts a transaction with what waits, unless enough are in flight already, or the callers just answered are
     * likely to append again: then it gathers for at most {@link #GATHER_MILLIS} first, so that they share the next
     * transaction instead of the first of them taking one alone.
     */
    private void writeWaiting() {
        List<QueuedAppend> batch;
        synchronized (this) {
            if (waiting.isEmpty() || inFlight >= TRANSACTIONS_IN_FLIGHT) {
                return;
            }
            if (waiting.size() < answeredLast && !gathered) {
                if (!gathering) {
                    gathering = true;
                    vertx.setTimer(GATHER_MILLIS, timer -> {
                        synchronized (this) {
                            gathering = false;
                            gathered = true;
                        }
                        writeWaiting();
                    });
                }
                return;
            }
            inFlight++;
            gathered = false;
            answeredLast = 0;
            batch = nextBatch();
        }
        transaction(batch).onComplete(done -> {
            synchronized (this) {
                inFlight--;
                answeredLast = batch.size();
            }
            settle(batch, done);
            writeWaiting();
        });
    }

    /**
     * Takes the waiting appends, in order, that fit in one transaction; an append that writes a stream another one
     * of the batch writes waits for the next (one statement cannot write a stream twice).
     */
    private List<QueuedAppend> nextBatch() {
        List<QueuedAppend> batch = new ArrayList<>();
        Set<String> streams = new HashSet<>();
        int events = 0;
        Iterator<QueuedAppend> candidates = waiting.iterator();
        while (candidates.hasNext() && batch.size() < MAX_APPENDS_PER_TRANSACTION) {
            QueuedAppend next = candidates.next();
            if (!batch.isEmpty() && events + next.events() > MAX_EVENTS_PER_TRANSACTION) {
                break;
            }
            if (next.streamKeys().stream().anyMatch(streams::contains)) {
                continue;
            }
            streams.addAll(next.streamKeys());
            events += next.events();
            batch.add(next);
            candidates.remove();
        }
        return batch;
    }

    private void settle(List<QueuedAppend> batch, AsyncResult<PgAppendTransaction.Outcome> done) {
        if (done.failed()) {
            // The commit's outcome is unknown (or nothing was sent): a retry with the same ids answers it.
            batch.forEach(append -> append.complete(Future.failedFuture(PgErrors.map(done.cause(), store))));
            return;
        }
        PgAppendTransaction.Outcome outcome = done.result();
        if (outcome.committed()) {
            PgAppendTransaction.Answer answer = outcome.answer();
            int stream = 0;
            for (int a = 0; a < batch.size(); a++) {
                QueuedAppend append = batch.get(a);
                append.complete(written(append, answer, a, stream));
                stream += append.appends().size();
            }
        } else if (batch.size() == 1) {
            batch.get(0).complete(refused(batch.get(0), outcome.failure()));
        } else {
            // Rolled back for one of them: each runs again in a transaction of its own.
            batch.forEach(this::writeAlone);
        }
    }

    private void writeAlone(QueuedAppend append) {
        transaction(List.of(append)).onComplete(done -> settle(List.of(append), done));
    }

    /** Runs one append transaction, announcing earlier commits with it when due (see {@link PgAppendSignal}). */
    private Future<PgAppendTransaction.Outcome> transaction(List<QueuedAppend> batch) {
        String announcement = signal.announcement();
        return PgAppendTransaction.run(pool, sql, batch, announcement)
                .andThen(done -> signal.ended(done.succeeded() && done.result().committed(), announcement != null));
    }

    /**
     * The outcome of an append whose statement ran and whose transaction committed: the {@code index}th of its
     * transaction, whose streams start at {@code firstStream} among the transaction's.
     */
    private Future<AppendResult> written(QueuedAppend queued, PgAppendTransaction.Answer answer, int index,
                                         int firstStream) {
        List<StreamAppend> appends = queued.appends();
        if (answer.handled()[index]) {
            return Future.failedFuture(AlreadyHandledException.of(queued.received()));
        }
        if (!answer.ok()[index]) {
            return repeats.original(appends)
                    .compose(original -> original != null ? Future.succeededFuture(original)
                            : Future.failedFuture(conflict(appends, answer.versions(), firstStream)));
        }
        List<AppendResult.StreamVersion> versions = new ArrayList<>(appends.size());
        for (int i = 0; i < appends.size(); i++) {
            StreamAppend append = appends.get(i);
            versions.add(new AppendResult.StreamVersion(append.tenant(), append.stream(),
                    answer.versions()[firstStream + i] + append.events().size()));
        }
        return Future.succeededFuture(new AppendResult(versions, answer.lastPositions()[index]));
    }

    /** The outcome of an append that ran alone and whose transaction the server rolled back. */
    private Future<AppendResult> refused(QueuedAppend queued, Throwable failure) {
        List<StreamAppend> appends = queued.appends();
        if (queued.received() != null && PgErrors.isUniqueViolation(failure, PgErrors.INBOX_KEY)) {
            return Future.failedFuture(AlreadyHandledException.of(queued.received()));
        }
        if (PgErrors.isUniqueViolation(failure, PgErrors.STREAM_VERSION_KEY)) {
            // Only a writer that bypasses the head row can get here.
            return Future.failedFuture(PermanentException.conflict("another writer wrote to " + streams(appends)
                    + " at the same time; retry"));
        }
        if (PgErrors.isUniqueViolation(failure, PgErrors.EVENT_ID_KEY)) {
            return repeats.original(appends)
                    .compose(original -> original != null ? Future.succeededFuture(original)
                            : Future.failedFuture(PgErrors.map(failure, store)));
        }
        if (PgErrors.isUniqueViolation(failure, PgErrors.MESSAGE_ID_KEY)) {
            return repeats.original(appends)
                    .compose(original -> original != null ? Future.succeededFuture(original)
                            : repeats.duplicateMessage(queued.outbox()));
        }
        return Future.failedFuture(PgErrors.map(failure, store));
    }

    private static ConcurrencyException conflict(List<StreamAppend> appends, Long[] current, int firstStream) {
        for (int i = 0; i < appends.size(); i++) {
            StreamAppend append = appends.get(i);
            long version = current[firstStream + i];
            if (!append.expected().matches(version)) {
                return ConcurrencyException.conflict(append.tenant(), append.stream().value(),
                        append.expected().toString(), version);
            }
        }
        throw new IllegalStateException("the append was refused although every expected version matches");
    }

    private static void checkOutbox(List<OutboxMessage> outbox) {
        Set<UUID> ids = new HashSet<>();
        for (OutboxMessage message : outbox) {
            if (!ids.add(message.messageId())) {
                throw PermanentException.invalid("outbox message id " + message.messageId()
                        + " appears twice in one append");
            }
        }
    }

    private static String streams(List<StreamAppend> appends) {
        return String.join(", ", appends.stream().map(a -> a.stream() + " of tenant " + a.tenant()).toList());
    }

    /**
     * An append waiting for, or in, an append transaction, with the context its caller called from.
     */
    static final class QueuedAppend {
        private final List<StreamAppend> appends;
        private final List<OutboxMessage> outbox;
        private final InboxEntry received;
        private final Context context;
        private final int events;
        private final Set<String> streamKeys = new HashSet<>();
        private final Promise<AppendResult> promise = Promise.promise();

        QueuedAppend(List<StreamAppend> appends, List<OutboxMessage> outbox, InboxEntry received, Context context) {
            this.appends = appends;
            this.outbox = outbox;
            this.received = received;
            this.context = context;
            int count = 0;
            for (StreamAppend append : appends) {
                count += append.events().size();
                streamKeys.add(append.tenant() + '\u0000' + append.stream().value());
            }
            this.events = count;
        }

        List<StreamAppend> appends() {
            return appends;
        }

        List<OutboxMessage> outbox() {
            return outbox;
        }

        /** The incoming message recorded with the append, or null. */
        InboxEntry received() {
            return received;
        }

        int events() {
            return events;
        }

        /** Whether it writes one stream and nothing else: no outbox or inbox rows. */
        boolean isSingleStream() {
            return appends.size() == 1 && outbox.isEmpty() && received == null;
        }

        /** The streams it writes, as tenant and stream. */
        Set<String> streamKeys() {
            return streamKeys;
        }

        /** Completes the caller's future on the caller's context once the outcome is known. */
        void complete(Future<AppendResult> outcome) {
            outcome.onComplete(result -> {
                if (Vertx.currentContext() == context) {
                    promise.handle(result);
                } else {
                    context.runOnContext(v -> promise.handle(result));
                }
            });
        }
    }
}
