package io.whizbang.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import java.util.List;
import java.util.Optional;

/**
 * Reads the policy annotations of a message type or handler class and checks their values by the rules the
 * policy records' constructors enforce, so a bad value fails the build instead of the application's start.
 */
final class PolicyReader {
    private static final String RETRY = "io.whizbang.policy.Retry";
    private static final String TIMEOUT = "io.whizbang.policy.Timeout";
    private static final String CIRCUIT_BREAKING = "io.whizbang.policy.CircuitBreaking";
    private static final String CACHED = "io.whizbang.policy.Cached";
    private static final String RATE_LIMIT = "io.whizbang.policy.RateLimit";
    private static final List<String> ALL = List.of(RETRY, TIMEOUT, CIRCUIT_BREAKING, CACHED, RATE_LIMIT);

    private final Annotations annotations;
    private final Diagnostics diagnostics;

    PolicyReader(Annotations annotations, Diagnostics diagnostics) {
        this.annotations = annotations;
        this.diagnostics = diagnostics;
    }

    /**
     * The policies on a command, query, receptor or lens.
     *
     * @param type     the annotated type
     * @param answers  whether it is a query or lens, the only things whose answers can be cached
     */
    Policies read(TypeElement type, boolean answers) {
        return new Policies(retry(type), timeout(type), circuitBreaker(type), cache(type, answers), rateLimit(type));
    }

    /** Reports any policy annotation on a type that policies do not apply to, such as an event or a perspective. */
    void rejectOn(TypeElement type, String what) {
        for (String policy : ALL) {
            annotations.find(type, policy).ifPresent(mirror -> diagnostics.error(type, mirror, "@"
                    + simpleName(policy) + " on " + what + " " + type.getQualifiedName()
                    + " has no effect: policies apply to commands, queries, receptors and lenses; remove it"));
        }
    }

    private Optional<Policies.Retry> retry(TypeElement type) {
        return annotations.find(type, RETRY).map(mirror -> {
            Policies.Retry retry = new Policies.Retry(annotations.integer(mirror, "maxAttempts"),
                    annotations.longInteger(mirror, "initialBackoffMillis"),
                    annotations.decimal(mirror, "multiplier"), annotations.longInteger(mirror, "maxBackoffMillis"));
            check(retry.maxAttempts() >= 1, type, mirror,
                    "retry maxAttempts must be at least 1, was " + retry.maxAttempts());
            check(retry.initialBackoffMillis() >= 0 && retry.maxBackoffMillis() >= retry.initialBackoffMillis(),
                    type, mirror, "retry backoff must satisfy 0 <= initialBackoffMillis ("
                            + retry.initialBackoffMillis() + ") <= maxBackoffMillis (" + retry.maxBackoffMillis()
                            + ")");
            check(retry.multiplier() >= 1.0, type, mirror,
                    "retry multiplier must be at least 1, was " + retry.multiplier());
            return retry;
        });
    }

    private Optional<Policies.Timeout> timeout(TypeElement type) {
        return annotations.find(type, TIMEOUT).map(mirror -> {
            Policies.Timeout timeout = new Policies.Timeout(annotations.longInteger(mirror, "millis"));
            check(timeout.millis() >= 1, type, mirror, "timeout millis must be at least 1, was " + timeout.millis());
            return timeout;
        });
    }

    private Optional<Policies.CircuitBreaker> circuitBreaker(TypeElement type) {
        return annotations.find(type, CIRCUIT_BREAKING).map(mirror -> {
            Policies.CircuitBreaker breaker = new Policies.CircuitBreaker(
                    annotations.integer(mirror, "maxFailures"), annotations.longInteger(mirror, "resetTimeoutMillis"));
            check(breaker.maxFailures() >= 1, type, mirror,
                    "circuit breaker maxFailures must be at least 1, was " + breaker.maxFailures());
            check(breaker.resetTimeoutMillis() >= 1, type, mirror,
                    "circuit breaker resetTimeoutMillis must be at least 1, was " + breaker.resetTimeoutMillis());
            return breaker;
        });
    }

    private Optional<Policies.Cache> cache(TypeElement type, boolean answers) {
        return annotations.find(type, CACHED).map(mirror -> {
            Policies.Cache cache = new Policies.Cache(annotations.longInteger(mirror, "ttlMillis"),
                    annotations.integer(mirror, "maxEntries"));
            if (!answers) {
                diagnostics.error(type, mirror, "@Cached on " + type.getQualifiedName()
                        + " has no effect: only queries and lenses have answers to cache; remove it");
            }
            check(cache.ttlMillis() >= 1, type, mirror, "cache ttlMillis must be at least 1, was " + cache.ttlMillis());
            check(cache.maxEntries() >= 1, type, mirror,
                    "cache maxEntries must be at least 1, was " + cache.maxEntries());
            return cache;
        });
    }

    private Optional<Policies.RateLimit> rateLimit(TypeElement type) {
        return annotations.find(type, RATE_LIMIT).map(mirror -> {
            Policies.RateLimit limit = new Policies.RateLimit(annotations.integer(mirror, "permits"),
                    annotations.longInteger(mirror, "periodMillis"));
            check(limit.permits() >= 1, type, mirror, "rate limit permits must be at least 1, was " + limit.permits());
            check(limit.periodMillis() >= 1, type, mirror,
                    "rate limit periodMillis must be at least 1, was " + limit.periodMillis());
            return limit;
        });
    }

    private void check(boolean rule, TypeElement type, AnnotationMirror mirror, String broken) {
        if (!rule) {
            String annotation = simpleName(((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName().toString());
            diagnostics.error(type, mirror, "@" + annotation + " on " + type.getQualifiedName() + ": " + broken);
        }
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
