package io.whizbang.impl.dispatch;

import io.vertx.core.Future;
import io.whizbang.codec.Codecs;
import io.whizbang.error.ValidationException;
import io.whizbang.ledger.Snapshot;
import io.whizbang.ledger.SnapshotStore;
import io.whizbang.ledger.StreamId;
import io.whizbang.registry.SnapshotPolicy;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where stream loading starts and when a snapshot is taken, by the registry's snapshot policies.
 *
 * <p>A stored snapshot of an unknown type or another schema version is ignored, so the state is folded from the
 * first event and the next snapshot replaces it.
 */
final class Snapshots {
    private static final Logger LOG = Logger.getLogger(Snapshots.class.getName());

    private final SnapshotStore store;
    private final Codecs codecs;
    private final Clock clock;
    private final Map<String, SnapshotPolicy<?>> byName = new HashMap<>();
    private final Map<Class<?>, SnapshotPolicy<?>> byType = new HashMap<>();

    Snapshots(SnapshotStore store, List<SnapshotPolicy<?>> policies, Codecs codecs, Clock clock) {
        this.store = store;
        this.codecs = codecs;
        this.clock = clock;
        for (SnapshotPolicy<?> policy : policies) {
            byName.put(policy.typeName(), policy);
            byType.put(policy.stateType(), policy);
        }
    }

    /** The state and version to fold the rest of the stream onto: the usable snapshot, or the initial state. */
    <S> Future<StreamLoader.Loaded<S>> start(String tenant, StreamId stream, S initial) {
        if (byName.isEmpty()) {
            return Future.succeededFuture(new StreamLoader.Loaded<>(initial, 0));
        }
        return store.load(tenant, stream).map(found -> found.<StreamLoader.Loaded<S>>map(this::restore)
                .orElse(new StreamLoader.Loaded<>(initial, 0)))
                .recover(failure -> {
                    LOG.log(Level.WARNING, "snapshot of " + stream + " could not be read; folding every event",
                            failure);
                    return Future.succeededFuture(new StreamLoader.Loaded<>(initial, 0));
                });
    }

    @SuppressWarnings("unchecked")
    private <S> StreamLoader.Loaded<S> restore(Snapshot snapshot) {
        SnapshotPolicy<?> policy = byName.get(snapshot.stateType());
        if (policy == null || policy.schemaVersion() != snapshot.schemaVersion()) {
            return null;
        }
        try {
            return new StreamLoader.Loaded<>((S) codecs.of(policy.stateType()).decode(snapshot.state()),
                    snapshot.version());
        } catch (ValidationException e) {
            LOG.warning("snapshot of " + snapshot.stream() + " does not decode (" + e.getMessage() + "); ignored");
            return null;
        }
    }

    /** Whether any state type is snapshotted: otherwise the new state need not even be folded. */
    boolean enabled() {
        return !byType.isEmpty();
    }

    /** Saves a snapshot when the append crossed a boundary of the state's policy; failures are only logged. */
    @SuppressWarnings("unchecked")
    void afterAppend(String tenant, StreamId stream, Object state, long fromVersion, long toVersion) {
        SnapshotPolicy<Object> policy = state == null ? null : (SnapshotPolicy<Object>) byType.get(state.getClass());
        if (policy == null || !policy.due(fromVersion, toVersion)) {
            return;
        }
        Snapshot snapshot = new Snapshot(tenant, stream, toVersion, policy.typeName(), policy.schemaVersion(),
                codecs.of(policy.stateType()).encode(state), clock.instant());
        store.save(snapshot).onFailure(failure -> LOG.log(Level.WARNING, "snapshot of " + stream + " at version "
                + toVersion + " was not saved", failure));
    }
}
