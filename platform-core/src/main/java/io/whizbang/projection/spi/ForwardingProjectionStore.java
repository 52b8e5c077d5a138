package io.whizbang.projection.spi;

import io.vertx.core.Future;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.Page;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * A projection store that hands every call to another one; a wrapper that changes a few calls (timing them, counting
 * them, holding commits back) extends it and overrides just those.
 */
public abstract class ForwardingProjectionStore implements ProjectionStore {
    /** The store every call goes to. */
    protected final ProjectionStore store;

    protected ForwardingProjectionStore(ProjectionStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Future<Map<DocumentKey, Document>> load(Collection<DocumentKey> keys) {
        return store.load(keys);
    }

    @Override
    public Future<Page<Document>> query(String tenant, String collection, DocumentQuery query) {
        return store.query(tenant, collection, query);
    }

    @Override
    public Future<Void> commit(ProjectionCommit commit) {
        return store.commit(commit);
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
