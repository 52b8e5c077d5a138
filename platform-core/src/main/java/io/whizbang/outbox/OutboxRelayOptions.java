package io.whizbang.outbox;

import io.vertx.core.json.JsonObject;

/**
 * Options of an outbox relay.
 */
public class OutboxRelayOptions {
    /** Default records read and published per batch. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** Default interval at which an idle relay looks for rows even without an append signal. */
    public static final long DEFAULT_POLL_MILLIS = 1000;
    /** Default first delay after a failed publication. */
    public static final long DEFAULT_INITIAL_BACKOFF_MILLIS = 100;
    /** Default longest delay after failed publications. */
    public static final long DEFAULT_MAX_BACKOFF_MILLIS = 10_000;

    private int batchSize = DEFAULT_BATCH_SIZE;
    private long pollMillis = DEFAULT_POLL_MILLIS;
    private long initialBackoffMillis = DEFAULT_INITIAL_BACKOFF_MILLIS;
    private long maxBackoffMillis = DEFAULT_MAX_BACKOFF_MILLIS;

    public OutboxRelayOptions() {
    }

    public OutboxRelayOptions(JsonObject json) {
        setBatchSize(json.getInteger("batchSize", DEFAULT_BATCH_SIZE));
        setPollMillis(json.getLong("pollMillis", DEFAULT_POLL_MILLIS));
        setBackoff(json.getLong("initialBackoffMillis", DEFAULT_INITIAL_BACKOFF_MILLIS),
                json.getLong("maxBackoffMillis", DEFAULT_MAX_BACKOFF_MILLIS));
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Sets the records per batch, 1 to 10,000. */
    public OutboxRelayOptions setBatchSize(int batchSize) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be 1-10000, was " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    public long getPollMillis() {
        return pollMillis;
    }

    /** Sets how often an idle relay looks for rows without a signal. */
    public OutboxRelayOptions setPollMillis(long pollMillis) {
        if (pollMillis < 1) {
            throw new IllegalArgumentException("pollMillis must be positive, was " + pollMillis);
        }
        this.pollMillis = pollMillis;
        return this;
    }

    public long getInitialBackoffMillis() {
        return initialBackoffMillis;
    }

    public long getMaxBackoffMillis() {
        return maxBackoffMillis;
    }

    /** Sets the delays after failed publications: doubling from {@code initial} up to {@code max}. */
    public OutboxRelayOptions setBackoff(long initial, long max) {
        if (initial < 1 || max < initial) {
            throw new IllegalArgumentException("backoff must satisfy 1 <= initial (" + initial + ") <= max (" + max
                    + ")");
        }
        this.initialBackoffMillis = initial;
        this.maxBackoffMillis = max;
        return this;
    }

    public JsonObject toJson() {
        return new JsonObject().put("batchSize", batchSize).put("pollMillis", pollMillis)
                .put("initialBackoffMillis", initialBackoffMillis).put("maxBackoffMillis", maxBackoffMillis);
    }
}
