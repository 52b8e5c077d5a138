package io.whizbang.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name a message type is stored and sent under; the simple class name when absent.
 *
 * <p>Set it before renaming a class whose events are already stored.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TypeName {
    /** The name; letters, digits, dots and underscores. */
    String value();
}
