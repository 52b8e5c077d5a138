package io.whizbang.handler;

import io.whizbang.ledger.StreamId;
import io.whizbang.message.Envelope;

import java.time.Instant;

/**
 * Where an event a perspective or saga handles came from: its envelope, stream, version and global position.
 *
 * @param envelope the event's envelope
 * @param stream   the stream it was appended to
 * @param version  its version in that stream, from 1
 * @param position its position in the ledger's global order
 */
public record EventContext(Envelope<?> envelope, StreamId stream, long version, long position) {
    /** When the event was recorded. */
    public Instant timestamp() {
        return envelope.timestamp();
    }

    /** The tenant the event belongs to. */
    public String tenant() {
        return envelope.tenant();
    }
}
