package io.whizbang.impl.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.SnapshotStore;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.StreamInfo;
import io.whizbang.ledger.StreamSlice;
import io.whizbang.ledger.Subscription;
import io.whizbang.metrics.WhizbangMeters;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The ledger as the dispatcher's command handling sees it: every call goes to the ledger, and each successful
 * append's latency is reported to the installed {@link WhizbangMeters}.
 */
final class TimedAppends implements Ledger {
    private final Vertx vertx;
    private final Ledger ledger;

    TimedAppends(Vertx vertx, Ledger ledger) {
        this.vertx = vertx;
        this.ledger = ledger;
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        return timed(appends, ledger.append(appends, outbox), System.nanoTime());
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox, InboxEntry received) {
        return timed(appends, ledger.append(appends, outbox, received), System.nanoTime());
    }

    private Future<AppendResult> timed(List<StreamAppend> appends, Future<AppendResult> append, long start) {
        WhizbangMeters meters = WhizbangMeters.of(vertx);
        if (meters == WhizbangMeters.NONE) {
            return append;
        }
        return append.onSuccess(result -> {
            long nanos = System.nanoTime() - start;
            for (StreamAppend each : appends) {
                meters.appended(each.tenant(), each.events().size(), nanos);
            }
        });
    }

    @Override
    public Future<Boolean> markHandled(InboxEntry received) {
        return ledger.markHandled(received);
    }

    @Override
    public Future<Boolean> handled(UUID messageId) {
        return ledger.handled(messageId);
    }

    @Override
    public boolean keepsInbox() {
        return ledger.keepsInbox();
    }

    @Override
    public Outbox outbox() {
        return ledger.outbox();
    }

    @Override
    public SnapshotStore snapshots() {
        return ledger.snapshots();
    }

    @Override
    public Future<StreamSlice> readStream(String tenant, StreamId stream, long fromVersion, int maxCount) {
        return ledger.readStream(tenant, stream, fromVersion, maxCount);
    }

    @Override
    public Future<StreamInfo> info(String tenant, StreamId stream) {
        return ledger.info(tenant, stream);
    }

    @Override
    public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
        return ledger.readAll(afterPosition, maxCount);
    }

    @Override
    public Future<Long> head() {
        return ledger.head();
    }

    @Override
    public Runnable onAppend(Runnable listener) {
        return ledger.onAppend(listener);
    }

    @Override
    public Subscription subscribe(Vertx vertx, long afterPosition, int batchSize,
                                  Function<List<RecordedEvent>, Future<Void>> handler) {
        return ledger.subscribe(vertx, afterPosition, batchSize, handler);
    }

    @Override
    public Future<Void> close() {
        return ledger.close();
    }
}
