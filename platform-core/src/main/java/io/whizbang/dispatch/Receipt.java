package io.whizbang.dispatch;

import io.whizbang.ledger.StreamId;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an accepted command committed: its events are durable when the receipt is given.
 *
 * @param commandId     the command's message id
 * @param correlationId the journey it belongs to
 * @param tenant        the tenant it acted in
 * @param stream        the stream it appended to
 * @param version       the stream's version after the append
 * @param position      the global position of its last event (for read-your-writes waits)
 * @param eventIds      the ids of the events appended, in order; empty when the receptor emitted none
 */
public record Receipt(UUID commandId, UUID correlationId, String tenant, StreamId stream, long version,
                      long position, List<UUID> eventIds) {
    public Receipt {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(stream, "stream");
        eventIds = List.copyOf(eventIds);
    }
}
