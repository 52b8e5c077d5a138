package io.whizbang.impl.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Futures that complete when a runner's committed position reaches theirs.
 */
public final class PositionWaiters {
    private final List<Waiter> waiters = new ArrayList<>();
    private long position;

    /** Completes when the position reaches {@code target}. */
    public synchronized Future<Void> await(long target) {
        if (position >= target) {
            return Future.succeededFuture();
        }
        Promise<Void> promise = Promise.promise();
        waiters.add(new Waiter(target, promise));
        return promise.future();
    }

    /** Records the new position and completes every waiter it satisfies. */
    public void reached(long newPosition) {
        List<Promise<Void>> done = new ArrayList<>();
        synchronized (this) {
            position = Math.max(position, newPosition);
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.target <= position) {
                    done.add(waiter.promise);
                    it.remove();
                }
            }
        }
        done.forEach(Promise::tryComplete);
    }

    /** Fails every waiter: the runner stopped. */
    public void fail(Throwable cause) {
        List<Waiter> all;
        synchronized (this) {
            all = new ArrayList<>(waiters);
            waiters.clear();
        }
        all.forEach(waiter -> waiter.promise.tryFail(cause));
    }

    /** The position reached. */
    public synchronized long position() {
        return position;
    }

    private record Waiter(long target, Promise<Void> promise) {
    }
}
