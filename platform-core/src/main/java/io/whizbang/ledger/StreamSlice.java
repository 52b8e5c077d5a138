package io.whizbang.ledger;

import java.util.List;

/**
 * A finite read of one stream.
 *
 * @param events        the events read, in version order
 * @param streamVersion the stream's version when read: append after it with {@code ExpectedVersion.exactly}
 * @param endOfStream   whether the read reached the stream's end
 */
public record StreamSlice(List<RecordedEvent> events, long streamVersion, boolean endOfStream) {
    public StreamSlice {
        events = List.copyOf(events);
    }
}
