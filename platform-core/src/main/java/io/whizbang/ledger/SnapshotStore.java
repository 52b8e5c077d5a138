package io.whizbang.ledger;

import io.vertx.core.Future;
import io.whizbang.impl.ledger.MemorySnapshotStore;

import java.util.Optional;

/**
 * Where aggregate snapshots are kept, usually beside the streams in the ledger's own storage.
 */
public interface SnapshotStore {
    /** A store that keeps nothing: every load folds the whole stream. */
    static SnapshotStore none() {
        return MemorySnapshotStore.NONE;
    }

    /** A store held in memory. */
    static SnapshotStore memory() {
        return new MemorySnapshotStore(true);
    }

    /** The newest snapshot of the stream, if any. */
    Future<Optional<Snapshot>> load(String tenant, StreamId stream);

    /** Saves the snapshot unless a newer one of the stream is stored. */
    Future<Void> save(Snapshot snapshot);
}
