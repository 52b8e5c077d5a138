package io.whizbang.outbox;

import io.vertx.core.json.JsonObject;

import java.util.Objects;
import java.util.UUID;

/**
 * A message that leaves the service, written in the same transaction as the events that caused it.
 *
 * @param messageId   its id; the receiving inbox de-duplicates by it
 * @param tenant      the tenant it belongs to
 * @param destination where it goes: a Kafka topic or an event-bus address
 * @param key         the partition key that keeps order, usually the stream id
 * @param payload     the message as JSON
 * @param headers     its envelope metadata as JSON
 */
public record OutboxMessage(UUID messageId, String tenant, String destination, String key, JsonObject payload,
                            JsonObject headers) {
    public OutboxMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(headers, "headers");
        if (destination.isBlank()) {
            throw new IllegalArgumentException("an outbox message needs a destination");
        }
    }
}
