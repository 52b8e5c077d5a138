package io.whizbang.projection;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * A stored read-model document with its key.
 *
 * @param key  its key in the collection
 * @param json its content
 */
public record Document(String key, JsonObject json) {
    public Document {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
    }
}
