package io.whizbang.ledger;

import java.util.Objects;

/**
 * The event-bus addresses a ledger is served at: {@code <prefix>.ledger.append}, {@code .readStream},
 * {@code .readAll}, {@code .head}, {@code .outbox.pending}, {@code .outbox.published}, {@code .snapshot.load} and
 * {@code .snapshot.save} answer requests; {@code .appended} is published whenever new events may be readable.
 *
 * @param prefix the prefix shared by every address, such as {@code whizbang}
 */
public record LedgerAddresses(String prefix) {
    public LedgerAddresses {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("the ledger's address prefix must not be blank");
        }
    }

    /** The address that appends. */
    public String append() {
        return prefix + ".ledger.append";
    }

    /** The address that reads one stream. */
    public String readStream() {
        return prefix + ".ledger.readStream";
    }

    /** The address that reads every tenant's events after a position. */
    public String readAll() {
        return prefix + ".ledger.readAll";
    }

    /** The address that answers the head position. */
    public String head() {
        return prefix + ".ledger.head";
    }

    /** The address published to, with the head position, whenever new events may be readable. */
    public String appended() {
        return prefix + ".ledger.appended";
    }

    /** The address that answers pending outbox records. */
    public String outboxPending() {
        return prefix + ".ledger.outbox.pending";
    }

    /** The address that marks outbox records published. */
    public String outboxPublished() {
        return prefix + ".ledger.outbox.published";
    }

    /** The address that loads a stream's snapshot. */
    public String snapshotLoad() {
        return prefix + ".ledger.snapshot.load";
    }

    /** The address that saves a snapshot. */
    public String snapshotSave() {
        return prefix + ".ledger.snapshot.save";
    }
}
