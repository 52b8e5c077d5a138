package io.whizbang.message;

/**
 * A command: a request to change state, handled by exactly one receptor, which decides and emits events or rejects.
 */
public interface Command extends Message {
}
