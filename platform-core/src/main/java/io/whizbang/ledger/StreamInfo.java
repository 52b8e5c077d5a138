package io.whizbang.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * What the ledger knows about one stream without reading all of it.
 *
 * @param tenant    the tenant
 * @param stream    the stream
 * @param version   its version, 0 when it does not exist
 * @param createdAt when its first event was recorded, or {@code null}
 * @param updatedAt when its last event was recorded, or {@code null}
 */
public record StreamInfo(String tenant, StreamId stream, long version, Instant createdAt, Instant updatedAt) {
    public StreamInfo {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(stream, "stream");
    }

    /** Whether the stream has any event. */
    public boolean exists() {
        return version > 0;
    }
}
