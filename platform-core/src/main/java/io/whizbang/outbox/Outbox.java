package io.whizbang.outbox;

import io.vertx.core.Future;

import java.util.List;

/**
 * The outgoing messages a ledger committed with its events, read by the relay that publishes them.
 *
 * <p>A message is visible here only once its transaction committed; it stays pending until marked published, so
 * a relay that crashes publishes it again (at least once; the receiving inbox removes the duplicate).
 */
public interface Outbox {
    /** Committed messages not yet published, oldest first, at most {@code max}. */
    Future<List<OutboxRecord>> pending(int max);

    /** Marks the records published; marking one twice does nothing. */
    Future<Void> markPublished(List<Long> sequences);
}
