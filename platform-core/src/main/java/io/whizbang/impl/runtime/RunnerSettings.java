package io.whizbang.impl.runtime;

import io.whizbang.projection.DeadLetterStore;
import io.whizbang.runtime.RetryPolicy;

import java.time.Clock;
import java.util.Objects;

/**
 * What every perspective runner of one projections runtime shares.
 *
 * @param batchSize              events per transaction once caught up, and the first page read while catching up
 * @param windowEvents           the most events a catch-up window handles per transaction
 * @param windowDocuments        the most documents a catch-up window writes per transaction (a window that reaches
 *                               it ends with the page that did)
 * @param cachedDocuments        how many documents a runner keeps from one batch to the next
 * @param clock                  the clock of progress, throughput and dead letters
 * @param retryPolicy            how a failing handler is retried before its event is parked
 * @param throughputWindowMillis the window throughput is averaged over
 * @param deadLetters            where failing events are parked
 */
public record RunnerSettings(int batchSize, int windowEvents, int windowDocuments, int cachedDocuments, Clock clock,
                             RetryPolicy retryPolicy, long throughputWindowMillis, DeadLetterStore deadLetters) {
    /** The most events a catch-up page reads: up to four batches, never more than a window. */
    int catchUpPage() {
        return (int) Math.min(windowEvents, 4L * batchSize);
    }

    public RunnerSettings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(deadLetters, "deadLetters");
    }
}
