package io.whizbang.dispatch;

import io.vertx.core.Future;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.StreamSlice;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A ledger that lets another writer slip an event in before each of the first {@code interruptions} appends:
 * the race the dispatcher's reload-and-decide must win.
 */
final class ConflictingLedger implements Ledger {
    private final Ledger inner;
    private final AtomicInteger interruptions;
    private final Supplier<EventData> intruder;

    ConflictingLedger(Ledger inner, int interruptions, Supplier<EventData> intruder) {
        this.inner = inner;
        this.interruptions = new AtomicInteger(interruptions);
        this.intruder = intruder;
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        if (interruptions.getAndDecrement() > 0) {
            StreamAppend first = appends.get(0);
            return inner.append(first.tenant(), first.stream(), ExpectedVersion.any(), List.of(intruder.get()))
                    .compose(done -> inner.append(appends, outbox));
        }
        return inner.append(appends, outbox);
    }

    @Override
    public Outbox outbox() {
        return inner.outbox();
    }

    @Override
    public Future<StreamSlice> readStream(String tenant, StreamId stream, long fromVersion, int maxCount) {
        return inner.readStream(tenant, stream, fromVersion, maxCount);
    }

    @Override
    public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
        return inner.readAll(afterPosition, maxCount);
    }

    @Override
    public Future<Long> head() {
        return inner.head();
    }

    @Override
    public Runnable onAppend(Runnable listener) {
        return inner.onAppend(listener);
    }

    @Override
    public Future<Void> close() {
        return inner.close();
    }
}
