package io.whizbang.impl.runtime;

import io.vertx.core.Future;

import java.util.function.Supplier;

/**
 * Runs asynchronous tasks one after another: each starts when the previous one's future completes, whatever its
 * outcome.
 */
public final class SerialQueue {
    private Future<?> tail = Future.succeededFuture();

    /** Queues the task; the returned future completes with the task's outcome. */
    public synchronized <T> Future<T> submit(Supplier<Future<T>> task) {
        Future<T> result = tail.transform(previous -> task.get());
        tail = result;
        return result;
    }
}
