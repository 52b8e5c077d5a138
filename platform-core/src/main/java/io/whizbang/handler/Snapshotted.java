package io.whizbang.handler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an aggregate state record whose streams are snapshotted every {@code every} events, so loading folds only
 * the events after the newest snapshot. Raise {@code schemaVersion} when the record changes shape: snapshots of
 * another version are ignored and rebuilt from the events.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Snapshotted {
    /** Events between snapshots; at least 1. */
    int every();

    /** The schema version of the state's JSON form. */
    int schemaVersion() default 1;
}
