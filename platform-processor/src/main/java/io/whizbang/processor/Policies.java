package io.whizbang.processor;

import java.util.Optional;

/**
 * The policy annotations found on one message type or handler class, already checked, and the Java expression that
 * builds the matching {@code io.whizbang.policy.PolicySet}.
 *
 * @param retry          {@code @Retry}
 * @param timeout        {@code @Timeout}
 * @param circuitBreaker {@code @CircuitBreaking}
 * @param cache          {@code @Cached}
 * @param rateLimit      {@code @RateLimit}
 */
record Policies(Optional<Retry> retry, Optional<Timeout> timeout, Optional<CircuitBreaker> circuitBreaker,
                Optional<Cache> cache, Optional<RateLimit> rateLimit) {
    static final Policies NONE = new Policies(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** These policies with each kind the handler class sets taking the place of the message type's. */
    Policies overriddenBy(Policies handler) {
        return new Policies(handler.retry.or(() -> retry), handler.timeout.or(() -> timeout),
                handler.circuitBreaker.or(() -> circuitBreaker), handler.cache.or(() -> cache),
                handler.rateLimit.or(() -> rateLimit));
    }

    /** The expression building the policy set, starting from {@code PolicySet.NONE}. */
    String javaExpression() {
        StringBuilder java = new StringBuilder("PolicySet.NONE");
        retry.ifPresent(policy -> java.append(".withRetry(new RetryPolicy(").append(policy.maxAttempts())
                .append(", ").append(policy.initialBackoffMillis()).append("L, ")
                .append(javaDouble(policy.multiplier())).append(", ").append(policy.maxBackoffMillis())
                .append("L))"));
        timeout.ifPresent(policy -> java.append(".withTimeout(new TimeoutPolicy(").append(policy.millis())
                .append("L))"));
        circuitBreaker.ifPresent(policy -> java.append(".withCircuitBreaker(new CircuitBreakerPolicy(")
                .append(policy.maxFailures()).append(", ").append(policy.resetTimeoutMillis()).append("L))"));
        cache.ifPresent(policy -> java.append(".withCache(new CachePolicy(").append(policy.ttlMillis())
                .append("L, ").append(policy.maxEntries()).append("))"));
        rateLimit.ifPresent(policy -> java.append(".withRateLimit(new RateLimitPolicy(").append(policy.permits())
                .append(", ").append(policy.periodMillis()).append("L))"));
        return java.toString();
    }

    private static String javaDouble(double value) {
        // Double.toString writes "Infinity", which is no Java literal; the retry rule lets an infinite multiplier pass.
        return Double.isInfinite(value) ? "Double.POSITIVE_INFINITY" : Double.toString(value);
    }

    /** {@code @Retry}'s values. */
    record Retry(int maxAttempts, long initialBackoffMillis, double multiplier, long maxBackoffMillis) {
    }

    /** {@code @Timeout}'s value. */
    record Timeout(long millis) {
    }

    /** {@code @CircuitBreaking}'s values. */
    record CircuitBreaker(int maxFailures, long resetTimeoutMillis) {
    }

    /** {@code @Cached}'s values. */
    record Cache(long ttlMillis, int maxEntries) {
    }

    /** {@code @RateLimit}'s values. */
    record RateLimit(int permits, long periodMillis) {
    }
}
