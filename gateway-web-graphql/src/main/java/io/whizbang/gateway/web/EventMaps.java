package io.whizbang.gateway.web;

import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.ledger.RecordedEvent;


/**
 * Turns a recorded event into what the {@code Event} types of the schema read: the ledger's facts (position,
 * stream, version, id, time, correlation id) and the payload as the current codec writes it, after upcasting.
 */
final class EventMaps {
    /** The key under which the map keeps the ledger type name, which names its GraphQL object type. */
    static final String TYPE_NAME = "__ledgerType";

    private final Codecs codecs;

    EventMaps(Codecs codecs) {
        this.codecs = codecs;
    }

    /**
     * The event as a map for the schema.
     *
     * @throws io.whizbang.error.ValidationException when the stored payload cannot be read as its type
     */
    JsonObject map(RecordedEvent event, EventKind kind) {
        Object decoded = codecs.decode(event.type(), event.schemaVersion(), event.payload());
        JsonObject map = codecs.encode(decoded);
        map.put(TYPE_NAME, kind.typeName());
        map.put("type", kind.name());
        map.put("position", event.position());
        map.put("streamId", event.stream().value());
        map.put("version", event.version());
        map.put("eventId", event.eventId().toString());
        map.put("occurredAt", event.timestamp().toString());
        map.put("correlationId", event.metadata().getValue("correlationId") instanceof String id ? id : null);
        return map;
    }
}
