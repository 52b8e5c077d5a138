package io.whizbang.outbox;

import io.vertx.core.Future;

import java.util.List;

/**
 * Sends outbox records to where they go (Kafka, the clustered event bus); the relay calls it and marks the records
 * published only after its future succeeds.
 */
@FunctionalInterface
public interface OutboxPublisher {
    /** Publishes the records, in order; succeeds only when the destination acknowledged all of them. */
    Future<Void> publish(List<OutboxRecord> records);
}
