package io.whizbang.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.whizbang.projection.DroppableCollections;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.spi.ForwardingProjectionStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A memory projection store whose commits of chosen projections a test holds back (a slow or hung database) or
 * fails (a broken one).
 */
final class GatedStore extends ForwardingProjectionStore implements DroppableCollections {
    private final Set<String> closed = ConcurrentHashMap.newKeySet();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final List<Runnable> held = new ArrayList<>();

    GatedStore() {
        super(ProjectionStore.memory());
    }

    /** Holds the commits of the projection back until it is opened. */
    void close(String projection) {
        closed.add(projection);
    }

    /** Lets the held commits of the projection through, and every later one. */
    void open(String projection) {
        closed.remove(projection);
        List<Runnable> release;
        synchronized (this) {
            release = new ArrayList<>(held);
            held.clear();
        }
        release.forEach(Runnable::run);
    }

    /** Lets one held commit through; the gate stays closed. */
    void releaseOne() {
        Runnable next;
        synchronized (this) {
            next = held.isEmpty() ? null : held.remove(0);
        }
        if (next != null) {
            next.run();
        }
    }

    /** Fails every later commit of the projection. */
    void fail(String projection) {
        failing.add(projection);
    }

    /** How many commits are held back. */
    synchronized int held() {
        return held.size();
    }

    @Override
    public Future<Void> commit(ProjectionCommit commit) {
        if (failing.contains(commit.projection())) {
            return Future.failedFuture(new IllegalStateException("the disk of " + commit.projection() + " is gone"));
        }
        if (!closed.contains(commit.projection())) {
            return store.commit(commit);
        }
        Promise<Void> done = Promise.promise();
        synchronized (this) {
            held.add(() -> store.commit(commit).onComplete(done));
        }
        return done.future();
    }

    @Override
    public Future<Void> dropCollection(String collection) {
        return ((DroppableCollections) store).dropCollection(collection);
    }
}
