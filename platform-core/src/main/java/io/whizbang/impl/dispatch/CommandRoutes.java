package io.whizbang.impl.dispatch;

import io.whizbang.registry.ReceptorBinding;

import java.util.List;

/**
 * The receptors by command class, in an open-addressing table keyed by the class's identity: a lookup is the
 * class's identity hash, an array read and a reference comparison, where a {@code ClassValue} or a map takes
 * several dependent reads.
 *
 * <p>The table is at most half full, so a probe for a class it does not hold ends at an empty slot.
 */
final class CommandRoutes {
    private final Class<?>[] types;
    private final ReceptorBinding<?, ?>[] bindings;
    private final int mask;

    CommandRoutes(List<ReceptorBinding<?, ?>> receptors) {
        int slots = Integer.highestOneBit(Math.max(1, receptors.size()) * 2) * 2;
        types = new Class<?>[slots];
        bindings = new ReceptorBinding<?, ?>[slots];
        mask = slots - 1;
        for (ReceptorBinding<?, ?> binding : receptors) {
            int slot = home(binding.commandType());
            while (types[slot] != null) {
                slot = (slot + 1) & mask;
            }
            types[slot] = binding.commandType();
            bindings[slot] = binding;
        }
    }

    /** The receptor of exactly this command class, or {@code null}. */
    ReceptorBinding<?, ?> of(Class<?> commandType) {
        int slot = home(commandType);
        Class<?> held;
        while ((held = types[slot]) != commandType) {
            if (held == null) {
                return null;
            }
            slot = (slot + 1) & mask;
        }
        return bindings[slot];
    }

    private int home(Class<?> type) {
        return System.identityHashCode(type) & mask;
    }
}
