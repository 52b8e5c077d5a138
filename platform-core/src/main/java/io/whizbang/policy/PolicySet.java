package io.whizbang.policy;

import java.util.Optional;

/**
 * The policies of one message type; each absent one is off.
 *
 * @param retry          retries of transient failures
 * @param timeout        the deadline
 * @param circuitBreaker the circuit breaker
 * @param cache          the answer cache (lenses only)
 * @param rateLimit      the rate limit
 */
public record PolicySet(Optional<RetryPolicy> retry, Optional<TimeoutPolicy> timeout,
                        Optional<CircuitBreakerPolicy> circuitBreaker, Optional<CachePolicy> cache,
                        Optional<RateLimitPolicy> rateLimit) {
    /** No policy at all. */
    public static final PolicySet NONE = new PolicySet(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Whether every policy is off. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** With a retry policy. */
    public PolicySet withRetry(RetryPolicy policy) {
        return new PolicySet(Optional.of(policy), timeout, circuitBreaker, cache, rateLimit);
    }

    /** With a timeout. */
    public PolicySet withTimeout(TimeoutPolicy policy) {
        return new PolicySet(retry, Optional.of(policy), circuitBreaker, cache, rateLimit);
    }

    /** With a circuit breaker. */
    public PolicySet withCircuitBreaker(CircuitBreakerPolicy policy) {
        return new PolicySet(retry, timeout, Optional.of(policy), cache, rateLimit);
    }

    /** With a cache. */
    public PolicySet withCache(CachePolicy policy) {
        return new PolicySet(retry, timeout, circuitBreaker, Optional.of(policy), rateLimit);
    }

    /** With a rate limit. */
    public PolicySet withRateLimit(RateLimitPolicy policy) {
        return new PolicySet(retry, timeout, circuitBreaker, cache, Optional.of(policy));
    }
}
