package io.whizbang.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scope that a receptor or lens requires, interned so that checking a principal for it is a bit test.
 *
 * <p>The first 63 scopes declared in the JVM get a bit each; a principal's set of scopes carries the bits of the
 * declared scopes it holds. A scope declared later, or a principal whose bits were taken before its scope was
 * declared, is checked by name instead: the answer is the same, only slower.
 */
public final class DeclaredScope {
    private static final int BITS = 63;
    private static final Map<String, DeclaredScope> DECLARED = new ConcurrentHashMap<>();
    private static final AtomicInteger DECLARED_COUNT = new AtomicInteger();

    private final String name;
    private final long bit;

    private DeclaredScope(String name, long bit) {
        this.name = name;
        this.bit = bit;
    }

    /** The declared scope of that name, the same instance for every caller. */
    public static DeclaredScope of(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a required scope must not be blank");
        }
        return DECLARED.computeIfAbsent(name, DeclaredScope::numbered);
    }

    private static DeclaredScope numbered(String name) {
        int index = DECLARED_COUNT.getAndIncrement();
        return new DeclaredScope(name, index < BITS ? 1L << index : 0L);
    }

    /** The bit of a declared scope of that name; 0 when none is declared or the bits ran out. */
    static long bitOf(String name) {
        DeclaredScope scope = DECLARED.get(name);
        return scope == null ? 0L : scope.bit;
    }

    /** The scope's name, such as {@code orders:write}. */
    public String name() {
        return name;
    }

    long bit() {
        return bit;
    }

    @Override
    public String toString() {
        return name;
    }
}
