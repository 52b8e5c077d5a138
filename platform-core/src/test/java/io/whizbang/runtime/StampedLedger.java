package io.whizbang.runtime;

import io.vertx.core.Future;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.StreamSlice;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A memory ledger whose events read as recorded at {@code base + position * step}, so lag in seconds is known
 * exactly.
 */
final class StampedLedger implements Ledger {
    private final Ledger ledger;
    private final Instant base;
    private final Duration step;

    StampedLedger(Ledger ledger, Instant base, Duration step) {
        this.ledger = ledger;
        this.base = base;
        this.step = step;
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        return ledger.append(appends, outbox);
    }

    @Override
    public Outbox outbox() {
        return ledger.outbox();
    }

    @Override
    public Future<StreamSlice> readStream(String tenant, StreamId stream, long fromVersion, int maxCount) {
        return ledger.readStream(tenant, stream, fromVersion, maxCount);
    }

    @Override
    public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
        return ledger.readAll(afterPosition, maxCount).map(events -> events.stream().map(event ->
                new RecordedEvent(event.position(), event.tenant(), event.stream(), event.version(), event.eventId(),
                        event.type(), event.schemaVersion(), event.payload(), event.metadata(),
                        base.plus(step.multipliedBy(event.position())))).toList());
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
