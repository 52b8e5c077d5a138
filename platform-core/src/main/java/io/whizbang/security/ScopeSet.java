package io.whizbang.security;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A principal's scopes: an immutable set of names that also answers "holds this declared scope?" with a bit test,
 * whatever the number of scopes and whether or not the names are the declared strings themselves.
 */
final class ScopeSet extends AbstractSet<String> {
    /** Marks the bits as taken; no declared scope has this bit. */
    private static final long TAKEN = Long.MIN_VALUE;

    private final Set<String> names;
    /** {@link #TAKEN} and the bits of the declared scopes held, or 0 until a check first needs them. */
    private volatile long declaredBits;

    private ScopeSet(Set<String> names) {
        this.names = names;
    }

    /** The scopes as an immutable scope set; nulls are refused as {@link Set#copyOf} refuses them. */
    static ScopeSet copyOf(Set<String> scopes) {
        return scopes instanceof ScopeSet set ? set : new ScopeSet(Set.copyOf(scopes));
    }

    /** Whether the set holds the declared scope: a bit test, and a look-up by name only when the bit says no. */
    boolean holds(DeclaredScope scope) {
        long bits = declaredBits;
        if (bits == 0L) {
            bits = takeBits();
        }
        return (bits & scope.bit()) != 0L || names.contains(scope.name());
    }

    private long takeBits() {
        long bits = TAKEN;
        for (String name : names) {
            bits |= DeclaredScope.bitOf(name);
        }
        declaredBits = bits;
        return bits;
    }

    @Override
    public boolean contains(Object name) {
        return names.contains(name);
    }

    @Override
    public Iterator<String> iterator() {
        return names.iterator();
    }

    @Override
    public int size() {
        return names.size();
    }
}
