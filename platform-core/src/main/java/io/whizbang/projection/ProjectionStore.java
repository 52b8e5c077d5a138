package io.whizbang.projection;

import io.vertx.core.Future;
import io.whizbang.impl.projection.MemoryProjectionStore;

import java.util.Collection;
import java.util.Map;

/**
 * Where perspectives keep their read models and checkpoints.
 *
 * <p>A storage driver implements this interface and passes the {@code ProjectionStoreContractTest} suite.
 */
public interface ProjectionStore {
    /** A store held in memory. */
    static ProjectionStore memory() {
        return new MemoryProjectionStore();
    }

    /** The documents stored under the keys; absent keys are missing from the map. */
    Future<Map<DocumentKey, Document>> load(Collection<DocumentKey> keys);

    /** A page of one tenant's documents of one collection that satisfy the query. */
    Future<Page<Document>> query(String tenant, String collection, DocumentQuery query);

    /** Writes a batch's documents and its checkpoint in one transaction. */
    Future<Void> commit(ProjectionCommit commit);

    /** The last committed position of a projection, 0 when it has none. */
    Future<Long> checkpoint(String projection);

    /** Releases the driver's resources. */
    Future<Void> close();
}
