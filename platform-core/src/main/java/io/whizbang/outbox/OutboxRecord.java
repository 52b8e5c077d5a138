package io.whizbang.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A committed outbox message waiting to be published.
 *
 * @param sequence  its place in the outbox, increasing in the order rows become visible
 * @param message   the message
 * @param createdAt when its transaction wrote it
 */
public record OutboxRecord(long sequence, OutboxMessage message, Instant createdAt) {
    public OutboxRecord {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
