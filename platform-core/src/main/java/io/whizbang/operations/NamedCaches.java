package io.whizbang.operations;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caches of one Vert.x instance that the control plane may clear by name, such as a gateway's verified tokens or
 * a lens's cached answers.
 *
 * <pre>{@code
 * Runnable unregister = NamedCaches.of(vertx).register("tokens", () -> { int n = map.size(); map.clear(); return n; });
 * }</pre>
 */
public final class NamedCaches implements Shareable {
    private static final String KEY = "named-caches";

    private final Map<String, ClearableCache> caches = new ConcurrentHashMap<>();

    /**
     * A cache that can be emptied.
     */
    @FunctionalInterface
    public interface ClearableCache {
        /** Empties the cache; answers how many entries it dropped, or -1 when it cannot tell. */
        long clear();
    }

    private NamedCaches() {
    }

    /** The caches of the Vert.x instance. */
    public static NamedCaches of(Vertx vertx) {
        LocalMap<String, Object> map = OperationsMap.of(vertx);
        Object existing = map.get(KEY);
        if (existing == null) {
            existing = map.putIfAbsent(KEY, new NamedCaches());
            if (existing == null) {
                existing = map.get(KEY);
            }
        }
        return (NamedCaches) existing;
    }

    /** Registers a cache under a name; the answer unregisters it. */
    public Runnable register(String name, ClearableCache cache) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cache, "cache");
        caches.put(name, cache);
        return () -> caches.remove(name, cache);
    }

    /** Empties the named cache: how many entries it dropped, or empty when no cache has that name here. */
    public Optional<Long> clear(String name) {
        ClearableCache cache = caches.get(name);
        return cache == null ? Optional.empty() : Optional.of(cache.clear());
    }

    /** The names of the registered caches. */
    public Set<String> names() {
        return new TreeSet<>(caches.keySet());
    }
}
