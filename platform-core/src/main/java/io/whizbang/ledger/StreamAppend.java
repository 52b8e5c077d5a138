package io.whizbang.ledger;

import java.util.List;
import java.util.Objects;

/**
 * One stream's part of an append: where, at which expected version, and what.
 *
 * @param tenant   the tenant of the stream
 * @param stream   the stream
 * @param expected the version the stream must be at
 * @param events   the events, in order
 */
public record StreamAppend(String tenant, StreamId stream, ExpectedVersion expected, List<EventData> events) {
    public StreamAppend {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(expected, "expected");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
}
