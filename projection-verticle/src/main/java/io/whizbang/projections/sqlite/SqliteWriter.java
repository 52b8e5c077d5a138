package io.whizbang.projections.sqlite;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

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
 * <p>Writes that queued up while a commit was on its way to disk are committed together (group commit), so many
 * perspectives and sagas share one sync to disk. When a write of a group fails, the group is rolled back and its
 * writes run again one transaction each, so a broken write never takes its neighbours down with it. A write's future
 * completes only after its transaction committed, on the context of the caller.
 */
final class SqliteWriter {
    private static final Logger LOG = Logger.getLogger(SqliteWriter.class.getName());
    /** The most writes committed together. */
    private static final int MAX_WRITES_PER_COMMIT = 64;

    private final Vertx vertx;
    private final SqliteConnection db;
    private final String store;
    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>();
    private volatile Write<Void> stop;
    private boolean closed;

    /** Starts the writer thread. */
    SqliteWriter(Vertx vertx, SqliteConnection db, String store) {
        this.vertx = vertx;
        this.db = db;
        this.store = store;
        Thread thread = new Thread(this::loop, "whizbang-sqlite-projections-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a write. */
    <T> Future<T> submit(SqliteWork<T> work) {
        Write<T> write = new Write<>(work, vertx.getOrCreateContext());
        synchronized (this) {
            if (closed) {
                return Future.failedFuture(SqliteErrors.closed(store));
            }
            queue.add(write);
        }
        return write.promise.future();
    }

    /** Lets the queued writes finish, then stops the thread and closes the connection. */
    synchronized Future<Void> close() {
        if (!closed) {
            closed = true;
            stop = new Write<>(connection -> null, vertx.getOrCreateContext());
            queue.add(stop);
        }
        return stop.promise.future();
    }

    private void loop() {
        List<Write<?>> group = new ArrayList<>(MAX_WRITES_PER_COMMIT);
        boolean running = true;
        while (running) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(group, MAX_WRITES_PER_COMMIT - 1);
            int end = group.indexOf(stop);
            running = end < 0;
            try {
                commit(running ? group : group.subList(0, end));
            } catch (RuntimeException e) {
                // the thread must outlive anything unexpected, or every later write would wait forever
                LOG.log(Level.SEVERE, "the SQLite projection writer failed to finish a group of writes", e);
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
        try {
            db.exec("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            writes.forEach(write -> write.fail(SqliteErrors.map(e, store)));
            return;
        }
        for (Write<?> write : writes) {
            try {
                write.run(db);
            } catch (SQLException | RuntimeException e) {
                db.rollbackQuietly();
                if (writes.size() > 1) {
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
            db.exec("COMMIT");
        } catch (SQLException e) {
            db.rollbackQuietly();
            writes.forEach(write -> write.fail(SqliteErrors.map(e, store)));
            return;
        }
        writes.forEach(Write::finish);
    }

    /** One queued write, its outcome and the caller's context to complete it on. */
    private static final class Write<T> {
        private final SqliteWork<T> work;
        private final Context context;
        private final Promise<T> promise = Promise.promise();
        private T result;

        Write(SqliteWork<T> work, Context context) {
            this.work = work;
            this.context = context;
        }

        void run(SqliteConnection db) throws SQLException {
            result = work.run(db);
        }

        /** Completes the caller's future after the commit. */
        void finish() {
            succeed(result);
        }

        void succeed(T value) {
            context.runOnContext(v -> promise.complete(value));
        }

        void fail(Throwable failure) {
            context.runOnContext(v -> promise.fail(failure));
        }
    }
}
