package io.whizbang.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stops calling a handler that keeps failing: after {@code maxFailures} failures in a row the circuit opens and
callers get {@code UNAVAILABLE} at once until {@code resetTimeoutMillis} has passed (Vert.x circuit breaker).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CircuitBreaking {
    /** Failures in a row that open the circuit. */
    int maxFailures() default CircuitBreakerPolicy.DEFAULT_MAX_FAILURES;

    /** How long the circuit stays open before one trial call, in milliseconds. */
    long resetTimeoutMillis() default CircuitBreakerPolicy.DEFAULT_RESET_TIMEOUT_MILLIS;
}
