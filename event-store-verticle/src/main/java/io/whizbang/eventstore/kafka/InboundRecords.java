package io.whizbang.eventstore.kafka;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.whizbang.codec.Codecs;
import io.whizbang.error.ValidationException;
import io.whizbang.message.Envelope;
import io.whizbang.message.MessageType;
import io.whizbang.security.Principal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a Kafka record written by {@link KafkaOutboxPublisher} back into an envelope; anything malformed (no message
 * id, no tenant, a payload that is not JSON, an unknown type) fails with {@code INVALID_ARGUMENT} naming the header
 * or field at fault.
 */
final class InboundRecords {
    private final Codecs codecs;

    InboundRecords(Codecs codecs) {
        this.codecs = codecs;
    }

    /** The envelope a record carries. */
    Envelope<Object> decode(KafkaConsumerRecord<String, Buffer> record) {
        List<KafkaHeader> headers = record.headers();
        UUID messageId = uuid(headers, KafkaHeaders.MESSAGE_ID, true);
        String tenant = required(headers, KafkaHeaders.TENANT);
        String type = required(headers, KafkaHeaders.TYPE);
        int schemaVersion = schemaVersion(headers);
        UUID correlationId = uuid(headers, KafkaHeaders.CORRELATION_ID, false);
        UUID causationId = uuid(headers, KafkaHeaders.CAUSATION_ID, false);
        String subject = KafkaHeaders.value(headers, KafkaHeaders.SUBJECT);
        String scopes = KafkaHeaders.value(headers, KafkaHeaders.SCOPES);
        Principal principal = new Principal(subject == null || subject.isBlank() ? "kafka" : subject, tenant,
                scopes == null || scopes.isBlank() ? Set.of() : Arrays.stream(scopes.split(","))
                        .map(String::trim).filter(scope -> !scope.isEmpty()).collect(Collectors.toSet()));
        Object payload;
        try {
            payload = codecs.decode(type, schemaVersion, payload(record));
        } catch (ValidationException e) {
            throw "type".equals(e.field()) || "schemaVersion".equals(e.field()) ? e : e.under("payload");
        }
        return new Envelope<>(messageId, correlationId == null ? messageId : correlationId, causationId, tenant,
                principal, KafkaHeaders.value(headers, KafkaHeaders.TRACEPARENT), timestamp(headers, record),
                new MessageType(type, codecs.typeOf(payload).schemaVersion()), payload);
    }

    /** The message id of a record, or {@code null} when it has no usable one. */
    static UUID messageIdOf(KafkaConsumerRecord<String, Buffer> record) {
        try {
            return uuid(record.headers(), KafkaHeaders.MESSAGE_ID, false);
        } catch (ValidationException e) {
            return null;
        }
    }

    private static JsonObject payload(KafkaConsumerRecord<String, Buffer> record) {
        if (record.value() == null) {
            throw new ValidationException("payload", "the record has no value");
        }
        try {
            return new JsonObject(record.value());
        } catch (DecodeException | ClassCastException e) {
            throw new ValidationException("payload", "is not a JSON object");
        }
    }

    private static String required(List<KafkaHeader> headers, String name) {
        String value = KafkaHeaders.value(headers, name);
        if (value == null || value.isBlank()) {
            throw new ValidationException(name, "header is required");
        }
        return value;
    }

    private static UUID uuid(List<KafkaHeader> headers, String name, boolean required) {
        String value = required ? required(headers, name) : KafkaHeaders.value(headers, name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "header is not a UUID: \"" + value + "\"");
        }
    }

    private static int schemaVersion(List<KafkaHeader> headers) {
        String value = KafkaHeaders.value(headers, KafkaHeaders.SCHEMA_VERSION);
        if (value == null) {
            return 1;
        }
        try {
            int version = Integer.parseInt(value);
            if (version < 1) {
                throw new ValidationException(KafkaHeaders.SCHEMA_VERSION, "header must be at least 1");
            }
            return version;
        } catch (NumberFormatException e) {
            throw new ValidationException(KafkaHeaders.SCHEMA_VERSION, "header is not a number: \"" + value + "\"");
        }
    }

    private static Instant timestamp(List<KafkaHeader> headers, KafkaConsumerRecord<String, Buffer> record) {
        String value = KafkaHeaders.value(headers, KafkaHeaders.TIMESTAMP);
        if (value == null) {
            return Instant.ofEpochMilli(record.timestamp());
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(KafkaHeaders.TIMESTAMP, "header is not an ISO-8601 instant");
        }
    }
}
