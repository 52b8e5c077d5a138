package io.whizbang.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Retries a command or query whose handling failed with a transient error, with exponential backoff.

<p>On a message type or on its receptor or lens.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Retry {
    /** Attempts in all, the first included; at least 1. */
    int maxAttempts() default RetryPolicy.DEFAULT_MAX_ATTEMPTS;

    /** Delay before the second attempt, in milliseconds. */
    long initialBackoffMillis() default RetryPolicy.DEFAULT_INITIAL_BACKOFF_MILLIS;

    /** The factor each next delay grows by. */
    double multiplier() default RetryPolicy.DEFAULT_MULTIPLIER;

    /** The longest delay, in milliseconds. */
    long maxBackoffMillis() default RetryPolicy.DEFAULT_MAX_BACKOFF_MILLIS;
}
