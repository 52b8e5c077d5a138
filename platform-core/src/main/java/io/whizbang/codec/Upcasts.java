package io.whizbang.codec;

import io.whizbang.message.Event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static JsonObject name(JsonObject stored)} method that rewrites an event stored at schema version
 * {@code from} into version {@code from + 1}; declare it beside the event type. The generated registry chains
 * them, so an event stored at version 1 reads as version 3 through two steps.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Upcasts {
    /** The event type. */
    Class<? extends Event> value();

    /** The schema version the method reads. */
    int from();
}
