package io.whizbang.impl.policy;

import io.whizbang.policy.CachePolicy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used cache of answers that expire after the policy's time to live.
 */
final class AnswerCache {
    private final CachePolicy policy;
    private final Clock clock;
    private final LinkedHashMap<Object, Entry> entries;

    AnswerCache(CachePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                return size() > policy.maxEntries();
            }
        };
    }

    synchronized Object get(Object key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.millis() >= entry.expiresAt) {
            entries.remove(key);
            return null;
        }
        return entry.value;
    }

    synchronized void put(Object key, Object value) {
        entries.put(key, new Entry(value, clock.millis() + policy.ttlMillis()));
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    private record Entry(Object value, long expiresAt) {
    }
}
