package io.whizbang.eventstore.sqlite;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.whizbang.error.WhizbangException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The only writer of the database: one thread owning one connection, taking writes from a queue.
 *
 * <p>Writes that queued up while a commit was on its way to disk are committed together (group commit), each inside
 * its own savepoint: a write that is refused rolls back to its savepoint and leaves the others alone, so each keeps
 * its all-or-nothing outcome, while the group shares one sync to disk. A failure of SQLite itself (not a refusal)
 * rolls the whole group back and runs its writes again one transaction each, so a broken write never takes its
 * neighbours down with it. A write's future completes only after its transaction committed, on the context of the
 * caller.
 */
final class SqliteWriter {
    private static final Logger LOG = Logger.getLogger(SqliteWriter.class.getName());

    private final Vertx vertx;
    private final SqliteConnection db;
    private final String store;
    private final int maxWritesPerCommit;
    private final Runnable afterCommit;
    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    private volatile Write<Void> stop;
    private final Thread thread;
    private boolean closed;
    private volatile long commits;

    /**
     * Starts the writer thread.
     *
     * @param afterCommit run on the writer thread after a commit that included a signalling write
     */
    SqliteWriter(Vertx vertx, SqliteConnection db, String store, int maxWritesPerCommit, Runnable afterCommit) {
        this.vertx = vertx;
        this.db = db;
        this.store = store;
        this.maxWritesPerCommit = maxWritesPerCommit;
        this.afterCommit = afterCommit;
        this.thread = new Thread(this::loop, "whizbang-sqlite-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues a write.
     *
     * @param signals whether its commit makes new events readable, so the append listeners are told
     */
    <T> Future<T> submit(SqliteWork<T> work, boolean signals) {
        Write<T> write = new Write<>(work, signals, vertx.getOrCreateContext());
        synchronized (this) {
            if (closed) {
                return Future.failedFuture(SqliteErrors.closed(store));
            }
            queue.add(write);
        }
        return write.promise.future();
    }

    /** Lets the queued writes finish, then stops the thread and closes the connection. */
    Future<Void> close() {
        synchronized (this) {
            if (!closed) {
                closed = true;
                stop = new Write<>(connection -> null, false, vertx.getOrCreateContext());
                queue.add(stop);
            }
            return stop.promise.future();
        }
    }

    /** How many transactions the writer committed; fewer than the writes when group commit took effect. */
    long commits() {
        return commits;
    }

    private void loop() {
        List<Write<?>> group = new ArrayList<>(maxWritesPerCommit);
        boolean running = true;
        while (running) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(group, maxWritesPerCommit - 1);
            int end = group.indexOf(stop);
            running = end < 0;
            try {
                commit(running ? group : group.subList(0, end));
            } catch (RuntimeException e) {
                // the thread must outlive anything unexpected, or every later write would wait forever
                LOG.log(Level.SEVERE, "the SQLite writer failed to finish a group of writes", e);
            }
            group.clear();
        }
        db.close();
        stop.succeed(null);
    }

    private void commit(List<Write<?>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        boolean grouped = writes.size() > 1;
        try {
            db.exec("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            writes.forEach(write -> write.fail(SqliteErrors.map(e, store)));
            return;
        }
        for (Write<?> write : writes) {
            try {
                write.run(db, grouped);
            } catch (SQLException | RuntimeException e) {
                db.rollbackQuietly();
                if (grouped) {
                    LOG.log(Level.FINE, "a write of a group of {0} failed ({1}); committing each alone",
                            new Object[] {writes.size(), e});
                    writes.forEach(alone -> commit(List.of(alone)));
                } else {
                    write.fail(SqliteErrors.map(e, store));
                }
                return;
            }
        }
        try {
            if (!grouped && writes.get(0).refusal != null) {
                db.exec("ROLLBACK");
            } else {
                db.exec("COMMIT");
                commits++;
            }
        } catch (SQLException e) {
            db.rollbackQuietly();
            writes.forEach(write -> write.fail(SqliteErrors.map(e, store)));
            return;
        }
        boolean signal = false;
        for (Write<?> write : writes) {
            signal |= write.finish();
        }
        if (signal) {
            try {
                afterCommit.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "an append listener failed", e);
            }
        }
    }

    /** One queued write, its outcome and the caller's context to complete it on. */
    private static final class Write<T> {
        private final SqliteWork<T> work;
        private final boolean signals;
        private final Context context;
        private final Promise<T> promise = Promise.promise();
        private T result;
        private WhizbangException refusal;

        Write(SqliteWork<T> work, boolean signals, Context context) {
            this.work = work;
            this.signals = signals;
            this.context = context;
        }

        /** Runs the work; a refusal is kept (and, in a group, its savepoint rolled back), anything else thrown. */
        void run(SqliteConnection db, boolean grouped) throws SQLException {
            refusal = null;
            if (grouped) {
                db.exec("SAVEPOINT write");
            }
            try {
                result = work.run(db);
            } catch (WhizbangException refused) {
                refusal = refused;
                if (grouped) {
                    db.exec("ROLLBACK TO write");
                }
            }
            if (grouped) {
                db.exec("RELEASE write");
            }
        }

        /** Completes the caller's future after the commit; whether the write signals new events. */
        boolean finish() {
            if (refusal != null) {
                fail(refusal);
                return false;
            }
            succeed(result);
            return signals;
        }

        void succeed(T value) {
            context.runOnContext(v -> promise.complete(value));
        }

        void fail(Throwable failure) {
            context.runOnContext(v -> promise.fail(failure));
        }
    }
}
