package io.whizbang.policy;

/**
 * How a lens's answers are cached.
 *
 * @param ttlMillis  how long an answer is kept, at least 1 ms
 * @param maxEntries the most answers kept, at least 1
 */
public record CachePolicy(long ttlMillis, int maxEntries) {
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    public CachePolicy {
        if (ttlMillis < 1) {
            throw new IllegalArgumentException("cache ttlMillis must be at least 1, was " + ttlMillis);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("cache maxEntries must be at least 1, was " + maxEntries);
        }
    }
}
