package io.whizbang.policy;

/**
 * How often requests are accepted per tenant.
 *
 * @param permits      requests per period, at least 1
 * @param periodMillis the period, at least 1 ms
 */
public record RateLimitPolicy(int permits, long periodMillis) {
    public RateLimitPolicy {
        if (permits < 1) {
            throw new IllegalArgumentException("rate limit permits must be at least 1, was " + permits);
        }
        if (periodMillis < 1) {
            throw new IllegalArgumentException("rate limit periodMillis must be at least 1, was " + periodMillis);
        }
    }
}
