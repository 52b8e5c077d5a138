package io.whizbang.handler;

/**
 * Receives events and writes a read model of documents, with a checkpoint.
 *
 * <p>Each event type it handles has an {@link On} method. Its name, the collection of its documents and its
 * checkpoint, is the class name in kebab case without the {@code Perspective} suffix
 * ({@code OrderSummaryPerspective} is {@code order-summary}) unless {@link Name} sets it; lenses read its documents
 * by the model type.
 *
 * @param <M> the read-model record type
 */
public interface Perspective<M> {
}
