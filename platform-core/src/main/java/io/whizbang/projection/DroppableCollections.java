package io.whizbang.projection;

import io.vertx.core.Future;

/**
 * A projection store that can remove a whole collection, every tenant's documents with its checkpoint; the runtime
 * uses it to clean up the generation a rebuilt perspective replaced.
 *
 * <p>Optional for drivers: without it, a replaced generation's documents stay in the store, unread.
 */
public interface DroppableCollections {
    /** Removes every document of the collection, in every tenant, and the checkpoint of the same name. */
    Future<Void> dropCollection(String collection);
}
