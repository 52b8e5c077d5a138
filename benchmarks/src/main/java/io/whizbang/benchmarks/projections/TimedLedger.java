package io.whizbang.benchmarks.projections;

import io.vertx.core.Future;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.spi.ForwardingLedger;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ledger that adds up how long its {@code readAll} calls take, from the call to the rows turned into events; the
 * catch-up reads one page ahead, so this time overlaps the handling and the commits.
 */
final class TimedLedger extends ForwardingLedger {
    private final AtomicLong readNanos = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();

    TimedLedger(Ledger ledger) {
        super(ledger);
    }

    long readNanos() {
        return readNanos.get();
    }

    long reads() {
        return reads.get();
    }

    @Override
    public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
        long start = System.nanoTime();
        return ledger.readAll(afterPosition, maxCount).onComplete(done -> {
            readNanos.addAndGet(System.nanoTime() - start);
            reads.incrementAndGet();
        });
    }
}
