package io.whizbang.impl.dispatch;

import io.whizbang.ledger.StreamId;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used stream states of this dispatcher, each with the version it was folded to, so that a command
 * folds only the events appended since instead of the whole stream.
 *
 * <p>The ledger stays the truth: a load always reads the stream after the cached version, so events appended
 * elsewhere (another node, a retried conflict) are folded in before the receptor decides. States are shared between
 * commands and must therefore be immutable, as the {@code Aggregate} contract asks. Keys carry the tenant, so one
 * tenant's state never answers for another's.
 */
final class StateCache {
    private record Key(Class<?> aggregate, String tenant, StreamId stream) {
    }

    private final int capacity;
    private final Map<Key, StreamLoader.Loaded<?>> entries;

    /** A cache of at most {@code capacity} states; 0 keeps none. */
    StateCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, not " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, StreamLoader.Loaded<?>> eldest) {
                return size() > StateCache.this.capacity;
            }
        };
    }

    /** The cached state of the stream as folded by that kind of aggregate, or null. */
    @SuppressWarnings("unchecked")
    synchronized <S> StreamLoader.Loaded<S> get(Class<?> aggregate, String tenant, StreamId stream) {
        return capacity == 0 ? null : (StreamLoader.Loaded<S>) entries.get(new Key(aggregate, tenant, stream));
    }

    /** Remembers the state unless a newer version of the stream is already remembered. */
    synchronized void put(Class<?> aggregate, String tenant, StreamId stream, StreamLoader.Loaded<?> loaded) {
        if (capacity == 0) {
            return;
        }
        Key key = new Key(aggregate, tenant, stream);
        StreamLoader.Loaded<?> known = entries.get(key);
        if (known == null || known.version() <= loaded.version()) {
            entries.put(key, loaded);
        }
    }

    /** Forgets every state. */
    synchronized void clear() {
        entries.clear();
    }
}
