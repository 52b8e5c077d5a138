package io.whizbang.ledger.spi;

import io.whizbang.error.PermanentException;
import io.whizbang.error.ValidationException;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.StreamAppend;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The checks every driver makes before it writes an append, so that bad input fails the same way everywhere and
 * nothing is half-written.
 */
public final class AppendChecks {
    private AppendChecks() {
    }

    /**
     * Fails with {@code INVALID_ARGUMENT} for no appends, a stream named twice, an event id given twice or an
     * event larger than the limit.
     */
    public static void check(List<StreamAppend> appends, int maxEventBytes) {
        if (appends.isEmpty()) {
            throw PermanentException.invalid("an append needs at least one stream");
        }
        Set<String> streams = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (StreamAppend append : appends) {
            if (!streams.add(append.tenant() + "/" + append.stream().value())) {
                throw PermanentException.invalid("stream " + append.stream() + " of tenant " + append.tenant()
                        + " appears twice in one append");
            }
            for (EventData event : append.events()) {
                if (!ids.add(event.eventId())) {
                    throw PermanentException.invalid("event id " + event.eventId() + " appears twice in one append");
                }
                if (EncodedSizeBound.of(event.payload()) + EncodedSizeBound.of(event.metadata()) <= maxEventBytes) {
                    continue;
                }
                int size = sizeOf(event);
                if (size > maxEventBytes) {
                    throw new ValidationException("payload", "event " + event.type() + " for stream "
                            + append.stream() + " is " + size + " bytes, the limit is " + maxEventBytes);
                }
            }
        }
    }

    /** The encoded size of an event's payload and metadata, in bytes. */
    public static int sizeOf(EventData event) {
        return event.payload().toBuffer().length() + event.metadata().toBuffer().length();
    }
}
