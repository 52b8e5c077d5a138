package io.whizbang.handler;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The read-model documents of one perspective in the tenant of the event being handled.
 *
 * <p>Handlers state what changes; the runtime loads the documents a batch touches, applies the changes in event
 * order, and commits them with the perspective's checkpoint in one transaction.
 *
 * @param <M> the read-model record type
 */
public interface Documents<M> {
    /** Stores the document under the key, replacing any. */
    void put(String key, M document);

    /** Changes the document under the key when it exists; does nothing otherwise. */
    void update(String key, UnaryOperator<M> change);

    /** Changes the document under the key, starting from {@code initial} when there is none. */
    void upsert(String key, Supplier<M> initial, UnaryOperator<M> change);

    /** Removes the document under the key, if any. */
    void delete(String key);
}
