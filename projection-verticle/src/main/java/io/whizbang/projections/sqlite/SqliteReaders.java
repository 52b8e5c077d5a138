package io.whizbang.projections.sqlite;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read side: a few connections that refuse to write, each used by one of as many threads.
 *
 * <p>In WAL mode readers never wait for the writer and see only committed transactions, including every one whose
 * future has completed. A read's future completes on the context of the caller.
 */
final class SqliteReaders {
    private final Vertx vertx;
    private final String store;
    private final List<SqliteConnection> connections;
    private final BlockingQueue<SqliteConnection> idle;
    private final ExecutorService threads;

    SqliteReaders(Vertx vertx, String store, List<SqliteConnection> connections) {
        this.vertx = vertx;
        this.store = store;
        this.connections = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(connections.size(), runnable -> {
            Thread thread = new Thread(runnable, "whizbang-sqlite-projections-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs a read on a free connection. */
    <T> Future<T> submit(SqliteWork<T> work) {
        Context context = vertx.getOrCreateContext();
        Promise<T> promise = Promise.promise();
        try {
            threads.execute(() -> {
                SqliteConnection db = idle.poll();
                try {
                    T result = work.run(db);
                    context.runOnContext(v -> promise.complete(result));
                } catch (SQLException | RuntimeException e) {
                    db.rollbackQuietly();
                    context.runOnContext(v -> promise.fail(SqliteErrors.map(e, store)));
                } finally {
                    idle.add(db);
                }
            });
        } catch (RejectedExecutionException e) {
            return Future.failedFuture(SqliteErrors.closed(store));
        }
        return promise.future();
    }

    /** Lets running reads finish, then closes the connections. */
    Future<Void> close() {
        threads.shutdown();
        return vertx.executeBlocking(() -> {
            threads.awaitTermination(30, TimeUnit.SECONDS);
            connections.forEach(SqliteConnection::close);
            return null;
        }, false);
    }
}
