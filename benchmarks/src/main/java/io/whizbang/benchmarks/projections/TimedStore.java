package io.whizbang.benchmarks.projections;

import io.vertx.core.Future;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.spi.ForwardingProjectionStore;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store that adds up how long its loads and commits take, to say where a catch-up's time goes; a perspective that
 * catches up fills its next window while one commits, so the sums overlap the rest of the wall time.
 */
final class TimedStore extends ForwardingProjectionStore {
    private final AtomicLong loadNanos = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    TimedStore(ProjectionStore store) {
        super(store);
    }

    long loadNanos() {
        return loadNanos.get();
    }

    long commitNanos() {
        return commitNanos.get();
    }

    long commits() {
        return commits.get();
    }

    @Override
    public Future<Map<DocumentKey, Document>> load(Collection<DocumentKey> keys) {
        long start = System.nanoTime();
        return store.load(keys).onComplete(done -> loadNanos.addAndGet(System.nanoTime() - start));
    }

    @Override
    public Future<Void> commit(ProjectionCommit commit) {
        long start = System.nanoTime();
        return store.commit(commit).onComplete(done -> {
            commitNanos.addAndGet(System.nanoTime() - start);
            commits.incrementAndGet();
        });
    }
}
