package io.whizbang.runtime;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a perspective tries an event its handler fails on before parking it as a dead letter, and how long it
 * waits between tries: {@code initialBackoff}, then multiplied by {@code multiplier} each time, at most
 * {@code maxBackoff}.
 *
 * @param maxAttempts    tries in all, at least 1 (1 parks at the first failure)
 * @param initialBackoff the wait after the first failure
 * @param multiplier     the growth of the wait per further failure, at least 1
 * @param maxBackoff     the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
    /** Three tries, 100 ms then 200 ms apart. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(5));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoffs cannot be negative");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
    }

    /** Tries the given number of times with no wait between: for tests. */
    public static RetryPolicy immediate(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ZERO, 1.0, Duration.ZERO);
    }

    /** The wait after the given number of failed tries (from 1). */
    public Duration backoff(int failedAttempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }

    public static RetryPolicy fromJson(JsonObject json) {
        return new RetryPolicy(json.getInteger("maxAttempts", DEFAULT.maxAttempts),
                Duration.ofMillis(json.getLong("initialBackoffMillis", DEFAULT.initialBackoff.toMillis())),
                json.getDouble("multiplier", DEFAULT.multiplier),
                Duration.ofMillis(json.getLong("maxBackoffMillis", DEFAULT.maxBackoff.toMillis())));
    }

    public JsonObject toJson() {
        return new JsonObject().put("maxAttempts", maxAttempts).put("initialBackoffMillis", initialBackoff.toMillis())
                .put("multiplier", multiplier).put("maxBackoffMillis", maxBackoff.toMillis());
    }
}
