package io.whizbang.eventstore.postgres;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/**
 * Tells the other nodes that appends committed: a {@code NOTIFY <schema>_appended} at most every
 * {@link #WINDOW_MILLIS}, sent that long after the first commit it covers, so it covers every commit before it. A
 * notification per commit would cost the server a wake-up of every listening session per append; this costs one per
 * window, and the other nodes' subscriptions hear of an append at most a window later. (This node's own listeners
 * are woken by the append itself.)
 */
final class PgAppendSignal {
    /** The longest a commit waits to be announced. */
    static final long WINDOW_MILLIS = 2;

    private final Vertx vertx;
    private final Pool pool;
    private final String notify;
    private boolean scheduled;

    PgAppendSignal(Vertx vertx, Pool pool, PgStatements sql) {
        this.vertx = vertx;
        this.pool = pool;
        this.notify = sql.notifyAppended;
    }

    /** A commit happened: announce it with the next notification. */
    void committed() {
        synchronized (this) {
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        vertx.setTimer(WINDOW_MILLIS, timer -> {
            synchronized (this) {
                scheduled = false;
            }
            // Sent after the commits it covers: a node woken by it reads them. When the server is away, the next
            // append announces them, and a reconnected listener wakes its listeners anyway.
            pool.query(notify).execute();
        });
    }
}
