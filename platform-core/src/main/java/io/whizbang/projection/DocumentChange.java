package io.whizbang.projection;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * One write of a projection batch: a document stored under its key, or removed when {@code document} is null.
 *
 * @param key      where
 * @param document the new document, or {@code null} to delete
 */
public record DocumentChange(DocumentKey key, JsonObject document) {
    public DocumentChange {
        Objects.requireNonNull(key, "key");
    }

    /** Whether this change removes the document. */
    public boolean isDelete() {
        return document == null;
    }
}
