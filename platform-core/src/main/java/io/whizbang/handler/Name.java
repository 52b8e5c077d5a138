package io.whizbang.handler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name of a perspective or saga, kept when the class is renamed: lowercase letters, digits and dashes.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Name {
    /** The name. */
    String value();
}
