package io.whizbang.ledger;

import java.util.List;

/**
 * What an append committed.
 *
 * @param streams  the version each stream reached, in the order of the appends
 * @param position the global position of the last event written, or of the ledger's head when none was
 */
public record AppendResult(List<StreamVersion> streams, long position) {
    public AppendResult {
        streams = List.copyOf(streams);
    }

    /** The version the first (or only) stream reached. */
    public long version() {
        return streams.get(0).version();
    }

    /**
     * The version one stream reached.
     *
     * @param tenant  its tenant
     * @param stream  the stream
     * @param version its version after the append
     */
    public record StreamVersion(String tenant, StreamId stream, long version) {
    }
}
