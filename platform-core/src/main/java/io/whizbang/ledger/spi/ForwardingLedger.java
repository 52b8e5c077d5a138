package io.whizbang.ledger.spi;

import io.vertx.core.Future;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.SnapshotStore;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.StreamInfo;
import io.whizbang.ledger.StreamSlice;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A ledger that hands every call to another one; a wrapper that changes a few calls (timing appends, adding an
 * inbox entry) extends it and overrides just those. Subscriptions are not handed on: they are built on this ledger's
 * own {@code readAll} and {@code onAppend}, so a wrapper that changes those changes what its subscribers see too.
 */
public abstract class ForwardingLedger implements Ledger {
    /** The ledger every call goes to. */
    protected final Ledger ledger;

    protected ForwardingLedger(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        return ledger.append(appends, outbox);
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox, InboxEntry received) {
        return ledger.append(appends, outbox, received);
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
    public Future<Void> close() {
        return ledger.close();
    }
}
