package io.whizbang.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often a command or query is accepted per tenant: a token bucket of {@code permits} refilled every
{@code periodMillis}; past it callers get {@code RATE_LIMITED}.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface RateLimit {
    /** Requests allowed per period. */
    int permits();

    /** The period, in milliseconds. */
    long periodMillis() default 1000;
}
