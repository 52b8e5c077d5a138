package io.whizbang.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema version of a message type, stored with every event so that older versions can be upcast when read.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SchemaVersion {
    /** The version, starting at 1. */
    int value();
}
