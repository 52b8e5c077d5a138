package io.whizbang.impl.runtime;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Events handled per second over a sliding window of the runtime's clock.
 */
final class Throughput {
    private final long windowMillis;
    private final Deque<long[]> samples = new ArrayDeque<>();
    private long inWindow;

    Throughput(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Records that {@code events} were handled at the time. */
    synchronized void record(Instant at, long events) {
        samples.addLast(new long[] {at.toEpochMilli(), events});
        inWindow += events;
        prune(at.toEpochMilli());
    }

    /** The events handled per second over the window that ends now. */
    synchronized double perSecond(Instant now) {
        prune(now.toEpochMilli());
        return inWindow * 1000.0 / windowMillis;
    }

    private void prune(long now) {
        while (!samples.isEmpty() && samples.peekFirst()[0] <= now - windowMillis) {
            inWindow -= samples.removeFirst()[1];
        }
    }
}
