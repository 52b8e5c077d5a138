package io.whizbang.ledger;

import io.vertx.core.Future;

/**
 * A running subscription to the ledger: it delivers every event from a position on, catch-up then live.
 */
public interface Subscription {
    /** The position of the last event delivered and acknowledged. */
    long position();

    /** Completes when the subscription stops: successfully when cancelled, failed when the handler failed. */
    Future<Void> completion();

    /** Stops delivering; completes when no batch is being delivered anymore. */
    Future<Void> cancel();
}
