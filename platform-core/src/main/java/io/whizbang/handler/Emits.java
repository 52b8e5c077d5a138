package io.whizbang.handler;

import io.whizbang.message.Event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event types a receptor may emit: drawn on the message-flow map, and enforced at run time (any other event
 * is refused as a bug, with nothing appended).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Emits {
    /** The event types; empty for a receptor that emits none. */
    Class<? extends Event>[] value();
}
