package io.whizbang.projections;

import io.vertx.core.Future;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.StreamSlice;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A ledger that counts who listens for appends, so a test sees subscriptions start and stop. */
final class ListeningLedger implements Ledger {
    private final Ledger delegate;
    private final AtomicInteger listeners = new AtomicInteger();

    ListeningLedger(Ledger delegate) {
        this.delegate = delegate;
    }

    /** How many listeners are registered now. */
    int listeners() {
        return listeners.get();
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        return delegate.append(appends, outbox);
    }

    @Override
    public Outbox outbox() {
        return delegate.outbox();
    }

    @Override
    public Future<StreamSlice> readStream(String tenant, StreamId stream, long fromVersion, int maxCount) {
        return delegate.readStream(tenant, stream, fromVersion, maxCount);
    }

    @Override
    public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
        return delegate.readAll(afterPosition, maxCount);
    }

    @Override
    public Future<Long> head() {
        return delegate.head();
    }

    @Override
    public Runnable onAppend(Runnable listener) {
        Runnable stop = delegate.onAppend(listener);
        listeners.incrementAndGet();
        AtomicBoolean stopped = new AtomicBoolean();
        return () -> {
            if (stopped.compareAndSet(false, true)) {
                listeners.decrementAndGet();
                stop.run();
            }
        };
    }

    @Override
    public Future<Void> close() {
        return delegate.close();
    }
}
