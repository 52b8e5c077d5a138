package io.whizbang.projection;

import io.vertx.core.Future;

/**
 * What a dispatcher waits for before it answers a command, so the caller's next query sees its own writes: the
 * commit of the appended events by the perspectives marked inline.
 *
 * <p>Perspectives keep their read models in their own store, usually another database than the ledger's, so an
 * inline perspective is not updated in the append's transaction; instead the command's answer is held back until the
 * inline perspectives have committed every position up to the append's. The events are durable before the wait
 * starts: when the wait fails or times out, the dispatcher answers all the same.
 */
@FunctionalInterface
public interface ReadYourWrites {
    /** Nothing to wait for: commands are answered as soon as their events are durable. */
    static ReadYourWrites none() {
        return position -> Future.succeededFuture();
    }

    /** Completes once every inline perspective has committed the global position; fails when it cannot in time. */
    Future<Void> awaitCommitted(long position);
}
