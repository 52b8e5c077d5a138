package io.whizbang.ledger;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * An aggregate's state saved at a version, so loading reads only the events after it.
 *
 * @param tenant        the tenant of the stream
 * @param stream        the stream
 * @param version       the stream version the state includes
 * @param stateType     the state's type name
 * @param schemaVersion the state's schema version; a snapshot of another version is ignored and rebuilt
 * @param state         the state as JSON
 * @param takenAt       when it was saved
 */
public record Snapshot(String tenant, StreamId stream, long version, String stateType, int schemaVersion,
                       JsonObject state, Instant takenAt) {
    public Snapshot {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(stateType, "stateType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(takenAt, "takenAt");
        if (version < 1) {
            throw new IllegalArgumentException("a snapshot of " + stream + " needs a version of at least 1");
        }
    }
}
