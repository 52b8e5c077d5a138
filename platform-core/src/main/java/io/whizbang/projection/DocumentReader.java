package io.whizbang.projection;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * Reads one perspective's documents in one tenant, decoded as the model type.
 *
 * @param <M> the read-model record type
 */
public interface DocumentReader<M> {
    /** The document under the key, if any. */
    Future<Optional<M>> get(String key);

    /** A page of documents that satisfy the query. */
    Future<Page<M>> query(DocumentQuery query);
}
