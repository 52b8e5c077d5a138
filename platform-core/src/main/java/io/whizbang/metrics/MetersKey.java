package io.whizbang.metrics;

/** Where the installed meters are kept in a Vert.x instance's local data. */
final class MetersKey {
    static final String MAP = "whizbang.metrics";
    static final String KEY = "meters";

    private MetersKey() {
    }
}
