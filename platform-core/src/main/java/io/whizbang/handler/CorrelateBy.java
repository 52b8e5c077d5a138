package io.whizbang.handler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The record component of the events a saga handles that names its instance, such as {@code orderId}.
 *
 * <p>Every event type the saga handles must have that component; the processor checks it.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CorrelateBy {
    /** The component's name. */
    String value();
}
