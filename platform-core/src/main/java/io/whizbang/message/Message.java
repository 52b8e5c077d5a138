package io.whizbang.message;

/**
 * A message: an immutable Java record that a command, an event or a query is.
 *
 * <p>Users never implement this directly; they implement {@link Command}, {@link Event} or {@link Query}.
 */
public interface Message {
}
