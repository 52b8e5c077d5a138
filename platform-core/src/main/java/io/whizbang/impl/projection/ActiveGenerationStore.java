package io.whizbang.impl.projection;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.Page;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.spi.ForwardingProjectionStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A projection store as lenses see it: reads of a perspective's collection go to the generation that is active,
 * so a rebuilt perspective's readers switch to the new generation the moment it takes over.
 *
 * <p>The active generation of each perspective is read from the store on first use (the checkpoint of
 * {@code <perspective>#active}), updated at once when the runtime of this JVM switches or when a switch is published
 * on the event bus, and read again every few seconds in case a publication from another process was missed.
 * Writes and checkpoints pass through unchanged. Closing it stops listening; the wrapped store stays open.
 */
public final class ActiveGenerationStore extends ForwardingProjectionStore {
    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final MessageConsumer<Object> activations;

    /** Routes reads of the store, listening for switches at the address when it is not {@code null}. */
    public ActiveGenerationStore(Vertx vertx, ProjectionStore store, String activatedAddress) {
        super(store);
        this.activations = activatedAddress == null ? null
                : vertx.eventBus().consumer(activatedAddress, message -> {
                    if (message.body() instanceof JsonObject body && body.getValue("perspective") instanceof String name
                            && body.getValue("generation") instanceof Number generation) {
                        activate(name, generation.intValue());
                    }
                });
    }

    /** Switches reads of the perspective to the generation; an older generation never replaces a newer one. */
    public void activate(String perspective, int generation) {
        Active next = new Active(generation, Generations.collection(perspective, generation), System.nanoTime());
        active.merge(perspective, next, (old, fresh) -> fresh.generation >= old.generation ? fresh : old.touched());
    }

    /** The collection that reads of the perspective's collection go to now. */
    public Future<String> resolve(String collection) {
        String known = cached(collection);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return store.checkpoint(Generations.activeKey(collection)).map(generation -> {
            activate(collection, (int) (long) generation);
            return active.get(collection).collection;
        });
    }

    @Override
    public Future<Map<DocumentKey, Document>> load(Collection<DocumentKey> keys) {
        if (keys.size() == 1) {
            return loadOne(keys.iterator().next(), keys);
        }
        Map<String, String> routes = new HashMap<>(4);
        boolean unchanged = true;
        for (DocumentKey key : keys) {
            String collection = key.collection();
            if (!routes.containsKey(collection)) {
                String routed = cached(collection);
                if (routed == null) {
                    return resolveAll(keys);
                }
                routes.put(collection, routed);
                unchanged &= routed.equals(collection);
            }
        }
        // the usual case, a perspective never rebuilt: the keys go to the store as they are
        return unchanged ? store.load(keys) : load(keys, routes);
    }

    /** A lens's get: one key, routed without building maps. */
    private Future<Map<DocumentKey, Document>> loadOne(DocumentKey key, Collection<DocumentKey> keys) {
        String routed = cached(key.collection());
        if (routed == null) {
            return resolveAll(keys);
        }
        if (routed.equals(key.collection())) {
            return store.load(keys);
        }
        DocumentKey asked = new DocumentKey(key.tenant(), routed, key.key());
        return store.load(List.of(asked)).map(found -> {
            Document document = found.get(asked);
            return document == null ? Map.of() : Map.of(key, document);
        });
    }

    private Future<Map<DocumentKey, Document>> resolveAll(Collection<DocumentKey> keys) {
        Set<String> collections = new LinkedHashSet<>();
        keys.forEach(key -> collections.add(key.collection()));
        List<String> names = new ArrayList<>(collections);
        List<Future<String>> resolved = names.stream().map(this::resolve).toList();
        return Future.all(resolved).compose(done -> {
            Map<String, String> routes = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                routes.put(names.get(i), resolved.get(i).result());
            }
            return load(keys, routes);
        });
    }

    private Future<Map<DocumentKey, Document>> load(Collection<DocumentKey> keys, Map<String, String> routes) {
        Map<DocumentKey, DocumentKey> asked = new HashMap<>();
        for (DocumentKey key : keys) {
            asked.put(new DocumentKey(key.tenant(), routes.get(key.collection()), key.key()), key);
        }
        return store.load(asked.keySet()).map(found -> {
            Map<DocumentKey, Document> answer = new HashMap<>();
            found.forEach((key, document) -> answer.put(asked.get(key), document));
            return answer;
        });
    }

    /** Where reads of the collection go, when known and fresh; {@code null} when the store must be asked. */
    private String cached(String collection) {
        if (Generations.isGeneration(collection)) {
            return collection;
        }
        Active known = active.get(collection);
        return known != null && System.nanoTime() - known.readAt < REFRESH_NANOS ? known.collection : null;
    }

    @Override
    public Future<Page<Document>> query(String tenant, String collection, DocumentQuery query) {
        return resolve(collection).compose(routed -> store.query(tenant, routed, query));
    }

    /** Stops listening for switches; the wrapped store stays open. */
    @Override
    public Future<Void> close() {
        return activations == null ? Future.succeededFuture() : activations.unregister();
    }

    private record Active(int generation, String collection, long readAt) {
        Active touched() {
            return new Active(generation, collection, System.nanoTime());
        }
    }
}
