package io.whizbang.outbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.message.Envelope;

/**
 * Makes outbox messages from envelopes, so that every transport finds a message's metadata under the same names.
 *
 * <p>The payload is the message through its generated codec; the headers hold {@value #TYPE},
 * {@value #SCHEMA_VERSION}, {@value #CORRELATION_ID}, {@value #CAUSATION_ID} (when there is one),
 * {@value #TRACEPARENT} (when there is one), {@value #SUBJECT}, {@value #SCOPES} and {@value #TIMESTAMP}. The message
 * id and the tenant travel in the message itself.
 */
public final class OutboxMessages {
    /** Header: the message type name. */
    public static final String TYPE = "type";
    /** Header: the schema version of the payload. */
    public static final String SCHEMA_VERSION = "schemaVersion";
    /** Header: the journey's correlation id. */
    public static final String CORRELATION_ID = "correlationId";
    /** Header: the id of the message that caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** Header: the W3C trace context. */
    public static final String TRACEPARENT = "traceparent";
    /** Header: the subject of the principal that sent it. */
    public static final String SUBJECT = "subject";
    /** Header: the principal's scopes, as an array. */
    public static final String SCOPES = "scopes";
    /** Header: when the message was created, ISO-8601. */
    public static final String TIMESTAMP = "timestamp";

    private OutboxMessages() {
    }

    /**
     * The outbox message for an envelope.
     *
     * @param envelope    the message and its metadata
     * @param codecs      the codecs of the application's messages
     * @param destination where it goes (a topic, or a name a topic naming rule turns into one)
     * @param key         the partition key, usually the stream id, so that order holds per stream
     */
    public static OutboxMessage of(Envelope<?> envelope, Codecs codecs, String destination, String key) {
        JsonObject headers = new JsonObject()
                .put(TYPE, envelope.type().name())
                .put(SCHEMA_VERSION, envelope.type().schemaVersion())
                .put(CORRELATION_ID, envelope.correlationId().toString())
                .put(SUBJECT, envelope.principal().subject())
                .put(SCOPES, new JsonArray(envelope.principal().scopes().stream().sorted().toList()))
                .put(TIMESTAMP, envelope.timestamp().toString());
        if (envelope.causationId() != null) {
            headers.put(CAUSATION_ID, envelope.causationId().toString());
        }
        if (envelope.traceparent() != null) {
            headers.put(TRACEPARENT, envelope.traceparent());
        }
        return new OutboxMessage(envelope.messageId(), envelope.tenant(), destination, key,
                codecs.encode(envelope.payload()), headers);
    }
}
