package io.whizbang.handler;

import io.whizbang.message.Command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The command types a saga may send: drawn on the message-flow map, and enforced at run time.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Sends {
    /** The command types. */
    Class<? extends Command>[] value();
}
