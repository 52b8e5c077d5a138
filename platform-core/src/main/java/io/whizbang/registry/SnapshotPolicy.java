package io.whizbang.registry;

import java.util.Objects;

/**
 * How one aggregate state type is snapshotted, generated from its {@link io.whizbang.handler.Snapshotted}.
 *
 * @param stateType     the state record type
 * @param typeName      the name snapshots are stored under
 * @param every         events between snapshots, at least 1
 * @param schemaVersion the current schema version of the state's JSON
 * @param <S>           the state type
 */
public record SnapshotPolicy<S>(Class<S> stateType, String typeName, int every, int schemaVersion) {
    public SnapshotPolicy {
        Objects.requireNonNull(stateType, "stateType");
        Objects.requireNonNull(typeName, "typeName");
        if (every < 1) {
            throw new IllegalArgumentException("snapshots of " + typeName + " need every >= 1, was " + every);
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("snapshot schemaVersion of " + typeName + " must be at least 1");
        }
    }

    /** Whether an append that took the stream from one version to another crosses a snapshot boundary. */
    public boolean due(long fromVersion, long toVersion) {
        return toVersion / every > fromVersion / every;
    }
}
