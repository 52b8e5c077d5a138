package io.whizbang.handler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the class whose package receives the generated registry of a compilation: {@code <Class>Registry}, with
 * the dispatch table, the JSON codecs and the message-flow map of every handler and message type compiled with it.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WhizbangApplication {
    /** The application's name, shown on the dashboard; the class's simple name when empty. */
    String name() default "";
}
