package io.whizbang.deploy.archfixture;

import io.whizbang.impl.projection.MemoryProjectionStore;

/**
 * Reaches into platform-core's {@code impl} on purpose, so that the architecture test can prove its rule bites.
 */
public final class ImplImporter {
    private ImplImporter() {
    }

    /** A store made by its private class instead of its factory. */
    public static Object store() {
        return new MemoryProjectionStore();
    }
}
