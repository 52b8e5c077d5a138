package io.whizbang.message;

/**
 * A query: a read-only question answered by exactly one lens.
 *
 * @param <R> the type of the answer
 */
public interface Query<R> extends Message {
}
