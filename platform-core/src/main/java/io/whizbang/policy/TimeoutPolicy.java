package io.whizbang.policy;

/**
 * The deadline of one handling, retries included.
 *
 * @param millis the deadline in milliseconds, at least 1
 */
public record TimeoutPolicy(long millis) {
    public TimeoutPolicy {
        if (millis < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 ms, was " + millis);
        }
    }
}
