package io.whizbang.impl.policy;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.whizbang.error.TransientException;
import io.whizbang.error.WhizbangException;
import io.whizbang.policy.PolicySet;
import io.whizbang.policy.RetryPolicy;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs one message type's handling under its policies, outermost first: cache, rate limit, timeout, retry,
 * circuit breaker.
 *
 * <p>Only transient failures are retried and count against the circuit; a rejection or bad input is the
 * handler working as meant.
 */
public final class PolicyRunner {
    private final String name;
    private final Vertx vertx;
    private final PolicySet policies;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AnswerCache cache;
    private final CircuitBreaker breaker;

    public PolicyRunner(String name, Vertx vertx, PolicySet policies, Clock clock) {
        this.name = name;
        this.vertx = vertx;
        this.policies = policies;
        this.clock = clock;
        this.cache = policies.cache().map(policy -> new AnswerCache(policy, clock)).orElse(null);
        this.breaker = policies.circuitBreaker().map(policy -> CircuitBreaker.create("whizbang." + name, vertx,
                        new CircuitBreakerOptions().setMaxFailures(policy.maxFailures())
                                .setResetTimeout(policy.resetTimeoutMillis()).setTimeout(-1)
                                .setNotificationAddress(null))
                .failurePolicy(PolicyRunner::countsAsFailure)).orElse(null);
    }

    /**
     * Runs the action under the policies for one tenant; {@code cacheKey} identifies the answer (the query value)
     * when a cache is configured.
     */
    @SuppressWarnings("unchecked")
    public <T> Future<T> run(String tenant, Object cacheKey, Supplier<Future<T>> action) {
        if (policies.isEmpty()) {
            return action.get();
        }
        Object key = cache == null ? null : new CacheKey(tenant, cacheKey);
        if (cache != null) {
            Object hit = cache.get(key);
            if (hit != null) {
                return Future.succeededFuture((T) hit);
            }
        }
        if (policies.rateLimit().isPresent()) {
            TokenBucket bucket = buckets.computeIfAbsent(tenant,
                    t -> new TokenBucket(policies.rateLimit().get(), clock));
            if (!bucket.tryTake()) {
                return Future.failedFuture(TransientException.rateLimited(name, tenant));
            }
        }
        Supplier<Future<T>> attempt = breaker == null ? action : () -> guarded(action);
        Future<T> result = policies.retry().map(policy -> retrying(attempt, policy, 1)).orElseGet(attempt);
        if (policies.timeout().isPresent()) {
            result = withDeadline(result, policies.timeout().get().millis());
        }
        if (cache != null) {
            result = result.onSuccess(answer -> cache.put(key, answer));
        }
        return result;
    }

    /** Drops every cached answer. */
    public void clearCache() {
        if (cache != null) {
            cache.clear();
        }
    }

    /** Whether this runner caches answers. */
    public boolean caches() {
        return cache != null;
    }

    private <T> Future<T> guarded(Supplier<Future<T>> action) {
        return breaker.<T>execute(action).recover(failure -> failure instanceof OpenCircuitException
                ? Future.failedFuture(TransientException.unavailable("the circuit of " + name + " is open; it", null))
                : Future.failedFuture(failure));
    }

    private <T> Future<T> retrying(Supplier<Future<T>> attempt, RetryPolicy policy, int number) {
        return attempt.get().recover(failure -> {
            if (number >= policy.maxAttempts() || !isTransient(failure)) {
                return Future.failedFuture(failure);
            }
            Promise<T> next = Promise.promise();
            vertx.setTimer(Math.max(1, policy.backoffBefore(number + 1)),
                    id -> retrying(attempt, policy, number + 1).onComplete(next));
            return next.future();
        });
    }

    private <T> Future<T> withDeadline(Future<T> result, long millis) {
        Promise<T> deadline = Promise.promise();
        long timer = vertx.setTimer(millis, id -> deadline.tryFail(TransientException.timeout(name, millis)));
        result.onComplete(outcome -> {
            vertx.cancelTimer(timer);
            if (outcome.succeeded()) {
                deadline.tryComplete(outcome.result());
            } else {
                deadline.tryFail(outcome.cause());
            }
        });
        return deadline.future();
    }

    private static boolean countsAsFailure(Future<?> outcome) {
        return outcome.failed() && isTransient(outcome.cause());
    }

    private static boolean isTransient(Throwable failure) {
        return failure instanceof WhizbangException known && known.isTransient();
    }

    private record CacheKey(String tenant, Object query) {
    }
}
