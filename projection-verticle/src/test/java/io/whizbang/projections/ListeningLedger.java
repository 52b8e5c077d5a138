package io.whizbang.projections;

import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.spi.ForwardingLedger;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A ledger that counts who listens for appends, so a test sees subscriptions start and stop. */
final class ListeningLedger extends ForwardingLedger {
    private final AtomicInteger listeners = new AtomicInteger();

    ListeningLedger(Ledger delegate) {
        super(delegate);
    }

    /** How many listeners are registered now. */
    int listeners() {
        return listeners.get();
    }

    @Override
    public Runnable onAppend(Runnable listener) {
        Runnable stop = ledger.onAppend(listener);
        listeners.incrementAndGet();
        AtomicBoolean stopped = new AtomicBoolean();
        return () -> {
            if (stopped.compareAndSet(false, true)) {
                listeners.decrementAndGet();
                stop.run();
            }
        };
    }
}
