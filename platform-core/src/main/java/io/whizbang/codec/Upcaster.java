package io.whizbang.codec;

import io.vertx.core.json.JsonObject;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Rewrites the JSON of a stored message from one schema version to the next, so old events read as the current
 * version.
 *
 * @param typeName    the message type name
 * @param fromVersion the version this upcaster reads; it writes {@code fromVersion + 1}
 * @param transform   the rewrite
 */
public record Upcaster(String typeName, int fromVersion, UnaryOperator<JsonObject> transform) {
    public Upcaster {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(transform, "transform");
        if (fromVersion < 1) {
            throw new IllegalArgumentException("fromVersion of an upcaster for " + typeName + " must be at least 1");
        }
    }
}
