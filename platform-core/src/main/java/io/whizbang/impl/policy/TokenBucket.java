package io.whizbang.impl.policy;

import io.whizbang.policy.RateLimitPolicy;

import java.time.Clock;

/**
 * A token bucket refilled continuously from the clock: {@code permits} per {@code periodMillis}, bursts up to
 * {@code permits}.
 */
final class TokenBucket {
    private final RateLimitPolicy policy;
    private final Clock clock;
    private double tokens;
    private long lastRefill;

    TokenBucket(RateLimitPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.tokens = policy.permits();
        this.lastRefill = clock.millis();
    }

    /** Takes a token if one is left. */
    synchronized boolean tryTake() {
        long now = clock.millis();
        if (now > lastRefill) {
            tokens = Math.min(policy.permits(),
                    tokens + (now - lastRefill) * (double) policy.permits() / policy.periodMillis());
            lastRefill = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
