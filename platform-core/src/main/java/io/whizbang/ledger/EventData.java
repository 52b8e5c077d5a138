package io.whizbang.ledger;

import io.vertx.core.json.JsonObject;

import java.util.Objects;
import java.util.UUID;

/**
 * An event to append, already encoded: what a storage driver writes.
 *
 * @param eventId       the event's message id; appending the same ids again is idempotent
 * @param type          the event type name
 * @param schemaVersion the schema version of the payload
 * @param payload       the event as JSON
 * @param metadata      the envelope's metadata as JSON (correlation, causation, principal, traceparent)
 */
public record EventData(UUID eventId, String type, int schemaVersion, JsonObject payload, JsonObject metadata) {
    public EventData {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion of " + type + " must be at least 1");
        }
    }
}
