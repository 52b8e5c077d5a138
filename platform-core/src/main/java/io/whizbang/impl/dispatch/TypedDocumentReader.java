package io.whizbang.impl.dispatch;

import io.vertx.core.Future;
import io.whizbang.codec.JsonCodec;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.DocumentReader;
import io.whizbang.projection.Page;
import io.whizbang.projection.ProjectionStore;

import java.util.List;
import java.util.Optional;

/**
 * Reads one perspective's documents in one tenant and decodes them with the model's generated codec.
 */
final class TypedDocumentReader<M> implements DocumentReader<M> {
    private final ProjectionStore store;
    private final String tenant;
    private final String collection;
    private final JsonCodec<M> codec;

    TypedDocumentReader(ProjectionStore store, String tenant, String collection, JsonCodec<M> codec) {
        this.store = store;
        this.tenant = tenant;
        this.collection = collection;
        this.codec = codec;
    }

    @Override
    public Future<Optional<M>> get(String key) {
        DocumentKey documentKey = new DocumentKey(tenant, collection, key);
        return store.load(List.of(documentKey))
                .map(found -> Optional.ofNullable(found.get(documentKey)).map(doc -> codec.decode(doc.json())));
    }

    @Override
    public Future<Page<M>> query(DocumentQuery query) {
        return store.query(tenant, collection, query).map(page -> page.map(doc -> codec.decode(doc.json())));
    }
}
