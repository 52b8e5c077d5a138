package io.whizbang.eventstore.postgres;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The background sequencer of one node: gives committed events without a position their final positions.
 *
 * <p>Appends sequence their own events right after they commit, so this is the safety net for events whose writer
 * died in between (on this node or another), and the answer to {@code <schema>_appended} notifications. It runs on
 * a timer and when asked; requests that arrive while a run is in flight coalesce into one more run. Only one
 * sequencer runs at a time across all nodes (the database's advisory lock); a run that finds the lock taken skips,
 * since the holder positions everything committed before it started and the next run the rest.
 */
final class PgSequencer {
    private final Vertx vertx;
    private final Pool pool;
    private final PgStatements sql;
    private final int batchSize;
    private final long intervalMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean closed;
    private long timer = -1;

    PgSequencer(Vertx vertx, Pool pool, PgStatements sql, int batchSize, long intervalMillis) {
        this.vertx = vertx;
        this.pool = pool;
        this.sql = sql;
        this.batchSize = batchSize;
        this.intervalMillis = intervalMillis;
    }

    /** Starts the timer and runs once. */
    void start() {
        timer = vertx.setPeriodic(intervalMillis, id -> run());
        run();
    }

    /** Runs now, or once more after the run in flight. */
    void run() {
        if (closed) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        pool.preparedQuery(sql.sequencePending).execute(Tuple.of(batchSize)).onComplete(done -> {
            running.set(false);
            // A full batch means there may be more; a failure (server away) waits for the timer.
            boolean full = done.succeeded() && done.result().iterator().next().getLong(0) >= batchSize;
            if (full || again.get()) {
                run();
            }
        });
    }

    /** Stops the timer. */
    void stop() {
        closed = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
