package io.whizbang.policy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Caches a lens'\''s answers per tenant and query value for a time; cleared by name from the control plane.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Cached {
    /** How long an answer is kept, in milliseconds. */
    long ttlMillis();

    /** The most answers kept; the least recently used goes first. */
    int maxEntries() default CachePolicy.DEFAULT_MAX_ENTRIES;
}
