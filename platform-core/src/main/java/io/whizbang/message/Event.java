package io.whizbang.message;

/**
 * An event: a fact that happened, stored in the ledger and read by perspectives and sagas.
 *
 * <p>Every event type carries a {@link SchemaVersion}; the annotation processor fails the build when it is missing.
 */
public interface Event extends Message {
}
