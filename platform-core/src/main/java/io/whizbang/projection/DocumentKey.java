package io.whizbang.projection;

import java.util.Objects;

/**
 * Where a read-model document lives: tenant, collection (the perspective's name) and key.
 *
 * @param tenant     the tenant it belongs to
 * @param collection the collection
 * @param key        the key within the collection
 */
public record DocumentKey(String tenant, String collection, String key) {
    public DocumentKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(key, "key");
    }
}
