package io.whizbang.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The deadline of handling a command or query, retries included; past it the caller gets {@code TIMEOUT}.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Timeout {
    /** The deadline in milliseconds. */
    long millis();
}
