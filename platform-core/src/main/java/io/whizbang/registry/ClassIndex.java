package io.whizbang.registry;

import io.whizbang.message.Command;

import java.util.List;

/**
 * The receptors' positions by command class, in an open-addressing table keyed by the class's identity: a lookup is
 * the class's identity hash, an array read and a reference comparison, where a {@code ClassValue} or a map takes
 * several dependent reads.
 *
 * <p>The table is at most half full, so a probe for a class it does not hold ends at an empty slot.
 */
final class ClassIndex implements CommandIndex {
    private final Class<?>[] types;
    private final int[] positions;
    private final int mask;

    ClassIndex(List<ReceptorBinding<?, ?>> receptors) {
        int slots = Integer.highestOneBit(Math.max(1, receptors.size()) * 2) * 2;
        types = new Class<?>[slots];
        positions = new int[slots];
        mask = slots - 1;
        for (int position = 0; position < receptors.size(); position++) {
            Class<?> type = receptors.get(position).commandType();
            int slot = home(type);
            while (types[slot] != null) {
                slot = (slot + 1) & mask;
            }
            types[slot] = type;
            positions[slot] = position;
        }
    }

    @Override
    public int positionOf(Command command) {
        Class<?> type = command.getClass();
        int slot = home(type);
        Class<?> held;
        while ((held = types[slot]) != type) {
            if (held == null) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
        return positions[slot];
    }

    private int home(Class<?> type) {
        return System.identityHashCode(type) & mask;
    }
}
