package io.whizbang.impl.runtime;

import io.vertx.core.json.JsonObject;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed documents of one perspective generation that its runner saw last, so a document touched batch after
 * batch is not loaded again each time; least recently used first out past its capacity.
 *
 * <p>It holds only what the store holds: documents as a load found them (absent ones as known absent) and the writes
 * of commits that succeeded. A runner is the only writer of its generation's collection, so nothing else can make an
 * entry stale; whatever the runner cannot vouch for (a failed batch, a dead-letter retry) empties it.
 */
final class DocumentCache {
    private static final JsonObject ABSENT = new JsonObject();

    private final int capacity;
    private final LinkedHashMap<DocumentKey, JsonObject> entries;

    /** A cache of at most {@code capacity} documents; 0 keeps none. */
    DocumentCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<DocumentKey, JsonObject> eldest) {
                return size() > DocumentCache.this.capacity;
            }
        };
    }

    /** Whether the cache knows what the store holds under the key (a document or nothing). */
    boolean knows(DocumentKey key) {
        return entries.containsKey(key);
    }

    /** The known document under the key, {@code null} when it is known absent or not known. */
    Document get(DocumentKey key) {
        JsonObject json = entries.get(key);
        return json == null || json == ABSENT ? null : new Document(key.key(), json);
    }

    /** Notes what a load of the keys found: the documents in {@code found}, nothing under the others. */
    void loaded(Collection<DocumentKey> asked, Map<DocumentKey, Document> found) {
        if (capacity == 0) {
            return;
        }
        for (DocumentKey key : asked) {
            Document document = found.get(key);
            entries.put(key, document == null ? ABSENT : document.json());
        }
    }

    /** Notes the writes of a commit the store acknowledged. */
    void committed(List<DocumentChange> writes) {
        if (capacity == 0) {
            return;
        }
        for (DocumentChange write : writes) {
            entries.put(write.key(), write.isDelete() ? ABSENT : write.document());
        }
    }

    /** Forgets everything, when the runner can no longer vouch for what the store holds. */
    void clear() {
        entries.clear();
    }

    /** How many documents it knows. */
    int size() {
        return entries.size();
    }
}
