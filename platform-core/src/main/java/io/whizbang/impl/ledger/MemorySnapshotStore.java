package io.whizbang.impl.ledger;

import io.vertx.core.Future;
import io.whizbang.ledger.Snapshot;
import io.whizbang.ledger.SnapshotStore;
import io.whizbang.ledger.StreamId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Snapshots in memory, newest per stream; or, as {@link #NONE}, none at all.
 */
public final class MemorySnapshotStore implements SnapshotStore {
    /** The store that keeps nothing. */
    public static final SnapshotStore NONE = new MemorySnapshotStore(false);

    private final boolean keeps;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    public MemorySnapshotStore(boolean keeps) {
        this.keeps = keeps;
    }

    @Override
    public Future<Optional<Snapshot>> load(String tenant, StreamId stream) {
        return Future.succeededFuture(Optional.ofNullable(snapshots.get(key(tenant, stream)))
                .map(snapshot -> new Snapshot(snapshot.tenant(), snapshot.stream(), snapshot.version(),
                        snapshot.stateType(), snapshot.schemaVersion(), snapshot.state().copy(), snapshot.takenAt())));
    }

    @Override
    public Future<Void> save(Snapshot snapshot) {
        if (keeps) {
            snapshots.merge(key(snapshot.tenant(), snapshot.stream()), snapshot,
                    (stored, offered) -> offered.version() > stored.version() ? offered : stored);
        }
        return Future.succeededFuture();
    }

    private static String key(String tenant, StreamId stream) {
        return tenant + '\u0000' + stream.value();
    }
}
