package io.whizbang.benchmarks.projections;

import io.vertx.core.Future;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.Page;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store that adds up how long its loads and commits take, to say where a catch-up's time goes; a perspective that
 * catches up fills its next window while one commits, so the sums overlap the rest of the wall time.
 */
final class TimedStore implements ProjectionStore {
    private final ProjectionStore store;
    private final AtomicLong loadNanos = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    TimedStore(ProjectionStore store) {
        this.store = store;
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
    public Future<Page<Document>> query(String tenant, String collection, DocumentQuery query) {
        return store.query(tenant, collection, query);
    }

    @Override
    public Future<Void> commit(ProjectionCommit commit) {
        long start = System.nanoTime();
        return store.commit(commit).onComplete(done -> {
            commitNanos.addAndGet(System.nanoTime() - start);
            commits.incrementAndGet();
        });
    }

    @Override
    public Future<Long> checkpoint(String projection) {
        return store.checkpoint(projection);
    }

    @Override
    public Future<Void> close() {
        return store.close();
    }
}
