package io.whizbang.operations;

import java.util.Locale;

/**
 * The operational orders the control plane broadcasts.
 */
public enum ControlKind {
    /** Set a logger's level: arguments {@code logger}, {@code level}. */
    SET_LOG_LEVEL,
    /** Turn a feature flag on or off: arguments {@code flag}, {@code enabled}. */
    SET_FLAG,
    /** Replace every feature flag with the persisted set: argument {@code flags} (an object of booleans). */
    SYNC_FLAGS,
    /** Empty a named cache: argument {@code cache}. */
    CLEAR_CACHE,
    /** Run the service's health checks. */
    HEALTH_CHECK,
    /** Rebuild a perspective: argument {@code perspective}. */
    REBUILD;

    /** The kind as it travels: lower-case with dashes, such as {@code set-log-level}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a wire name. */
    public static ControlKind fromWire(String name) {
        for (ControlKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no control command named \"" + name + "\"");
    }
}
