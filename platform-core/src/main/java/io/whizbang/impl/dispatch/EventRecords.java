package io.whizbang.impl.dispatch;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.message.MessageType;
import io.whizbang.security.Principal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Turns event envelopes into the ledger's rows and back: the payload through the generated codecs (with
 * upcasting), the envelope's metadata as JSON.
 */
public final class EventRecords {
    private final Codecs codecs;

    public EventRecords(Codecs codecs) {
        this.codecs = codecs;
    }

    /** The type an event travels and is stored under. */
    public MessageType typeOf(Object event) {
        return codecs.typeOf(event);
    }

    /** The row to append for an event envelope. */
    public EventData toData(Envelope<? extends Event> envelope) {
        return new EventData(envelope.messageId(), envelope.type().name(), envelope.type().schemaVersion(),
                codecs.encode(envelope.payload()), metadata(envelope));
    }

    /** The payload of a stored event decoded as the current schema version, without its envelope. */
    public Event payloadOf(RecordedEvent recorded) {
        return (Event) codecs.decode(recorded.type(), recorded.schemaVersion(), recorded.payload());
    }

    /** The envelope of a stored event, its payload decoded as the current schema version. */
    public Envelope<Event> toEnvelope(RecordedEvent recorded) {
        Event payload = (Event) codecs.decode(recorded.type(), recorded.schemaVersion(), recorded.payload());
        JsonObject meta = recorded.metadata();
        Principal principal = new Principal(meta.getString("subject", "unknown"), recorded.tenant(),
                scopes(meta.getJsonArray("scopes")));
        String causation = meta.getString("causationId");
        String timestamp = meta.getString("timestamp");
        return new Envelope<>(recorded.eventId(), UUID.fromString(meta.getString("correlationId",
                recorded.eventId().toString())), causation == null ? null : UUID.fromString(causation),
                recorded.tenant(), principal, meta.getString("traceparent"),
                timestamp == null ? recorded.timestamp() : Instant.parse(timestamp),
                codecs.typeOf(payload), payload);
    }

    /** The scopes of stored metadata; nothing is allocated for an event stored without any. */
    private static Set<String> scopes(JsonArray stored) {
        if (stored == null || stored.isEmpty()) {
            return Set.of();
        }
        Set<String> scopes = new HashSet<>();
        stored.forEach(scope -> scopes.add(String.valueOf(scope)));
        return scopes;
    }

    /** The metadata stored beside an event. */
    public static JsonObject metadata(Envelope<?> envelope) {
        JsonObject meta = new JsonObject()
                .put("correlationId", envelope.correlationId().toString())
                .put("subject", envelope.principal().subject())
                .put("scopes", new JsonArray(envelope.principal().scopes().stream().sorted().toList()))
                .put("timestamp", envelope.timestamp().toString());
        if (envelope.causationId() != null) {
            meta.put("causationId", envelope.causationId().toString());
        }
        if (envelope.traceparent() != null) {
            meta.put("traceparent", envelope.traceparent());
        }
        return meta;
    }
}
