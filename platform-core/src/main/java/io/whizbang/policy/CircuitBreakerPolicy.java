package io.whizbang.policy;

/**
 * When a failing handler is cut off, and for how long.
 *
 * @param maxFailures        failures in a row that open the circuit, at least 1
 * @param resetTimeoutMillis how long the circuit stays open, at least 1 ms
 */
public record CircuitBreakerPolicy(int maxFailures, long resetTimeoutMillis) {
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final long DEFAULT_RESET_TIMEOUT_MILLIS = 30_000;

    public CircuitBreakerPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("circuit breaker maxFailures must be at least 1, was " + maxFailures);
        }
        if (resetTimeoutMillis < 1) {
            throw new IllegalArgumentException("circuit breaker resetTimeoutMillis must be at least 1");
        }
    }
}
