package io.whizbang.eventstore.kafka;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxMessages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kafka headers a message travels with: its id, tenant, type, schema version, correlation, causation, trace
 * context, principal and time. The record's key is the stream id and its value the payload as JSON.
 */
public final class KafkaHeaders {
    /** The message id, a UUID; the inbox de-duplicates by it. */
    public static final String MESSAGE_ID = "whizbang-message-id";
    /** The tenant. */
    public static final String TENANT = "whizbang-tenant";
    /** The message type name. */
    public static final String TYPE = "whizbang-type";
    /** The payload's schema version. */
    public static final String SCHEMA_VERSION = "whizbang-schema-version";
    /** The correlation id. */
    public static final String CORRELATION_ID = "whizbang-correlation-id";
    /** The causation id. */
    public static final String CAUSATION_ID = "whizbang-causation-id";
    /** The W3C trace context, under its standard name. */
    public static final String TRACEPARENT = "traceparent";
    /** The principal's subject. */
    public static final String SUBJECT = "whizbang-subject";
    /** The principal's scopes, comma-separated. */
    public static final String SCOPES = "whizbang-scopes";
    /** When the message was created, ISO-8601. */
    public static final String TIMESTAMP = "whizbang-timestamp";
    /** On a dead-lettered record: the error code. */
    public static final String ERROR_CODE = "whizbang-error-code";
    /** On a dead-lettered record: what was wrong. */
    public static final String ERROR = "whizbang-error";

    private static final Map<String, String> FROM_OUTBOX = Map.of(
            OutboxMessages.TYPE, TYPE,
            OutboxMessages.SCHEMA_VERSION, SCHEMA_VERSION,
            OutboxMessages.CORRELATION_ID, CORRELATION_ID,
            OutboxMessages.CAUSATION_ID, CAUSATION_ID,
            OutboxMessages.TRACEPARENT, TRACEPARENT,
            OutboxMessages.SUBJECT, SUBJECT,
            OutboxMessages.SCOPES, SCOPES,
            OutboxMessages.TIMESTAMP, TIMESTAMP);

    private KafkaHeaders() {
    }

    /** The headers of an outbox message: its id and tenant, and each of its header fields. */
    public static List<KafkaHeader> of(OutboxMessage message) {
        List<KafkaHeader> headers = new ArrayList<>(message.headers().size() + 2);
        headers.add(KafkaHeader.header(MESSAGE_ID, message.messageId().toString()));
        headers.add(KafkaHeader.header(TENANT, message.tenant()));
        message.headers().forEach(field -> {
            Object value = field.getValue();
            if (value == null) {
                return;
            }
            String text = value instanceof JsonArray array ? String.join(",", array.stream().map(String::valueOf)
                    .toList()) : String.valueOf(value);
            headers.add(KafkaHeader.header(FROM_OUTBOX.getOrDefault(field.getKey(), "whizbang-" + field.getKey()),
                    Buffer.buffer(text)));
        });
        return headers;
    }

    /** The last value of a header as text, or {@code null} when the record has none. */
    public static String value(List<KafkaHeader> headers, String name) {
        String value = null;
        for (KafkaHeader header : headers) {
            if (header.key().equals(name) && header.value() != null) {
                value = header.value().toString();
            }
        }
        return value;
    }
}
