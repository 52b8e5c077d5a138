package io.whizbang.ledger.spi;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners a ledger driver tells that new events may be readable.
 */
public final class AppendListeners {
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; returns what removes it. */
    public Runnable add(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells every listener. */
    public void fire() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
