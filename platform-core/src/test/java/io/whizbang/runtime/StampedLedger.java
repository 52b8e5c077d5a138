package io.whizbang.runtime;

import io.vertx.core.Future;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.spi.ForwardingLedger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A memory ledger whose events read as recorded at {@code base + position * step}, so lag in seconds is known
 * exactly.
 */
final class StampedLedger extends ForwardingLedger {
    private final Instant base;
    private final Duration step;

    StampedLedger(Ledger ledger, Instant base, Duration step) {
        super(ledger);
        this.base = base;
        this.step = step;
    }

    @Override
    public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
        return ledger.readAll(afterPosition, maxCount).map(events -> events.stream().map(event ->
                new RecordedEvent(event.position(), event.tenant(), event.stream(), event.version(), event.eventId(),
                        event.type(), event.schemaVersion(), event.payload(), event.metadata(),
                        base.plus(step.multipliedBy(event.position())))).toList());
    }
}
