package io.whizbang.impl.runtime;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonCodec;
import io.whizbang.handler.Documents;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.ProjectionStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 *
 * <p>Every change is tagged with the index of the event whose handler asked for it, so that the changes of an event
 * whose handler failed, while it ran or while its changes were applied, are dropped as a whole: a poison event
 * never leaves half of its writes behind.
 *
 * <p>Documents the runner's {@link DocumentCache} knows are not loaded again, and a document whose new JSON equals
 * what the store is known to hold is not written again.
 */
final class BatchDocuments<M> {
    private final String collection;
    private final JsonCodec<M> codec;
    private final DocumentCache cache;
    private final List<Change<M>> changes = new ArrayList<>();
    private final Set<DocumentKey> touched = new HashSet<>();
    private HandlerFailure handlerFailure;

    BatchDocuments(String collection, JsonCodec<M> codec, DocumentCache cache) {
        this.collection = collection;
        this.codec = codec;
        this.cache = cache;
    }

    /** How many distinct documents the changes collected so far touch. */
    int documents() {
        return touched.size();
    }

    /** The documents of one tenant, as the handler of the batch's event {@code event} sees them. */
    Documents<M> inTenant(String tenant, int event) {
        return new Documents<>() {
            @Override
            public void put(String key, M document) {
                add(new Change<>(event, key(tenant, key), doc -> document, false));
            }

            @Override
            public void update(String key, UnaryOperator<M> change) {
                add(new Change<>(event, key(tenant, key), doc -> doc == null ? null : change.apply(doc), true));
            }

            @Override
            public void upsert(String key, Supplier<M> initial, UnaryOperator<M> change) {
                add(new Change<>(event, key(tenant, key), doc -> change.apply(doc == null ? initial.get() : doc),
                        true));
            }

            @Override
            public void delete(String key) {
                add(new Change<>(event, key(tenant, key), doc -> null, false));
            }
        };
    }

    private void add(Change<M> change) {
        changes.add(change);
        touched.add(change.key);
    }

    /** Notes that the handler of event {@code event} threw, and drops every change it and later ones asked for. */
    void handlerFailed(int event, Throwable cause) {
        handlerFailure = new HandlerFailure(event, cause);
        discardFrom(event);
    }

    /** The handler that threw, or {@code null} when none did. */
    HandlerFailure handlerFailure() {
        return handlerFailure;
    }

    private void discardFrom(int event) {
        changes.removeIf(change -> change.event >= event);
        touched.clear();
        changes.forEach(change -> touched.add(change.key));
    }

    /**
     * Loads what the changes read and applies them in order, event by event; an event whose change throws stops the
     * batch there, and only the writes of the events before it are returned.
     */
    Future<Resolved> resolve(ProjectionStore store) {
        Set<DocumentKey> toLoad = new LinkedHashSet<>();
        Set<DocumentKey> written = new LinkedHashSet<>();
        for (Change<M> change : changes) {
            if (change.reads && !written.contains(change.key)) {
                toLoad.add(change.key);
            }
            written.add(change.key);
        }
        Map<DocumentKey, Document> known = new HashMap<>();
        List<DocumentKey> unknown = new ArrayList<>();
        for (DocumentKey key : toLoad) {
            if (cache.knows(key)) {
                Document cached = cache.get(key);
                if (cached != null) {
                    known.put(key, cached);
                }
            } else {
                unknown.add(key);
            }
        }
        if (unknown.isEmpty()) {
            return Future.succeededFuture(apply(known));
        }
        return store.load(unknown).map(found -> {
            cache.loaded(unknown, found);
            known.putAll(found);
            return apply(known);
        });
    }

    private Resolved apply(Map<DocumentKey, Document> found) {
        Map<DocumentKey, M> working = new HashMap<>();
        Map<DocumentKey, M> result = new LinkedHashMap<>();
        Map<DocumentKey, M> eventWrites = new LinkedHashMap<>();
        int failedEvent = -1;
        Throwable cause = null;
        int index = 0;
        while (index < changes.size()) {
            int event = changes.get(index).event;
            eventWrites.clear();
            try {
                for (; index < changes.size() && changes.get(index).event == event; index++) {
                    Change<M> change = changes.get(index);
                    M current = eventWrites.containsKey(change.key) ? eventWrites.get(change.key)
                            : current(change.key, working, found);
                    eventWrites.put(change.key, change.apply.apply(current));
                }
            } catch (RuntimeException e) {
                failedEvent = event;
                cause = e;
                break;
            }
            working.putAll(eventWrites);
            result.putAll(eventWrites);
        }
        List<DocumentChange> writes = new ArrayList<>(result.size());
        // A null document is a delete; deleting one that never existed is harmless, so a key not known is written.
        result.forEach((key, document) -> {
            JsonObject json = document == null ? null : codec.encode(document);
            if (!unchanged(key, json, found)) {
                writes.add(new DocumentChange(key, json));
            }
        });
        changes.clear();
        touched.clear();
        return new Resolved(writes, failedEvent, cause);
    }

    /** Whether the store is known to hold exactly this under the key already (nothing, for a delete). */
    private boolean unchanged(DocumentKey key, JsonObject json, Map<DocumentKey, Document> found) {
        Document stored = found.containsKey(key) ? found.get(key) : cache.get(key);
        if (stored != null) {
            return stored.json().equals(json);
        }
        return json == null && cache.knows(key);
    }

    private M current(DocumentKey key, Map<DocumentKey, M> working, Map<DocumentKey, Document> found) {
        if (working.containsKey(key)) {
            return working.get(key);
        }
        Document stored = found.get(key);
        // decoded here, inside the event's try: a document the model cannot read fails the event that reads it
        M decoded = stored == null ? null : codec.decode(stored.json());
        working.put(key, decoded);
        return decoded;
    }

    private DocumentKey key(String tenant, String key) {
        return new DocumentKey(tenant, collection, key);
    }

    /**
     * The outcome of applying a batch's changes.
     *
     * @param writes      one write per document touched by the events applied
     * @param failedEvent the index of the event whose change threw, or -1 when every change applied
     * @param cause       what it threw, or {@code null}
     */
    record Resolved(List<DocumentChange> writes, int failedEvent, Throwable cause) {
    }

    /**
     * A handler that threw.
     *
     * @param event the index of its event in the batch
     * @param cause what it threw
     */
    record HandlerFailure(int event, Throwable cause) {
    }

    private record Change<M>(int event, DocumentKey key, UnaryOperator<M> apply, boolean reads) {
    }
}
