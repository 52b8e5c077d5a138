package io.whizbang.impl.runtime;

import io.vertx.core.Future;
import io.whizbang.codec.JsonCodec;
import io.whizbang.handler.Documents;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.ProjectionStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Collects what a perspective's handlers asked for during one batch, then loads the documents those changes
 * need, applies them in event order and yields the writes to commit.
 */
final class BatchDocuments<M> {
    private final String collection;
    private final JsonCodec<M> codec;
    private final List<Change<M>> changes = new ArrayList<>();

    BatchDocuments(String collection, JsonCodec<M> codec) {
        this.collection = collection;
        this.codec = codec;
    }

    /** The documents of one tenant, as the handler of one of its events sees them. */
    Documents<M> inTenant(String tenant) {
        return new Documents<>() {
            @Override
            public void put(String key, M document) {
                changes.add(new Change<>(key(tenant, key), doc -> document));
            }

            @Override
            public void update(String key, UnaryOperator<M> change) {
                changes.add(new Change<>(key(tenant, key), doc -> doc == null ? null : change.apply(doc), true));
            }

            @Override
            public void upsert(String key, Supplier<M> initial, UnaryOperator<M> change) {
                changes.add(new Change<>(key(tenant, key), doc -> change.apply(doc == null ? initial.get() : doc),
                        true));
            }

            @Override
            public void delete(String key) {
                changes.add(new Change<>(key(tenant, key), doc -> null));
            }
        };
    }

    /** Loads what the changes read, applies them in order, and returns one write per touched document. */
    Future<List<DocumentChange>> resolve(ProjectionStore store) {
        Set<DocumentKey> toLoad = new LinkedHashSet<>();
        Set<DocumentKey> written = new LinkedHashSet<>();
        for (Change<M> change : changes) {
            if (change.reads && !written.contains(change.key)) {
                toLoad.add(change.key);
            }
            written.add(change.key);
        }
        Future<Map<DocumentKey, Document>> loaded = toLoad.isEmpty() ? Future.succeededFuture(Map.of())
                : store.load(toLoad);
        return loaded.map(found -> {
            Map<DocumentKey, M> working = new HashMap<>();
            found.forEach((key, document) -> working.put(key, codec.decode(document.json())));
            Map<DocumentKey, M> result = new LinkedHashMap<>();
            for (Change<M> change : changes) {
                M next = change.apply.apply(working.get(change.key));
                working.put(change.key, next);
                result.put(change.key, next);
            }
            List<DocumentChange> writes = new ArrayList<>(result.size());
            // A null document is a delete; deleting one that never existed is harmless, so every key is written.
            result.forEach((key, document) -> writes.add(new DocumentChange(key,
                    document == null ? null : codec.encode(document))));
            changes.clear();
            return writes;
        });
    }

    private DocumentKey key(String tenant, String key) {
        return new DocumentKey(tenant, collection, key);
    }

    private record Change<M>(DocumentKey key, UnaryOperator<M> apply, boolean reads) {
        Change(DocumentKey key, UnaryOperator<M> apply) {
            this(key, apply, false);
        }
    }
}
