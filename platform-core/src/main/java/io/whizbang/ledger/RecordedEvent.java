package io.whizbang.ledger;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as the ledger holds it.
 *
 * @param position      its place in the ledger's global order, from 1, gap-free for readers
 * @param tenant        the tenant it belongs to
 * @param stream        the stream it was appended to
 * @param version       its version in the stream, from 1
 * @param eventId       its message id
 * @param type          its type name
 * @param schemaVersion the schema version it was written at
 * @param payload       the event as JSON
 * @param metadata      the envelope's metadata as JSON
 * @param timestamp     when it was recorded
 */
public record RecordedEvent(long position, String tenant, StreamId stream, long version, UUID eventId, String type,
                            int schemaVersion, JsonObject payload, JsonObject metadata, Instant timestamp) {
    public RecordedEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
