package io.whizbang.handler;

import io.whizbang.ledger.StreamId;
import io.whizbang.message.Command;

/**
 * Receives one command type, loads the state of one stream, decides, and returns events or a rejection.
 *
 * <p>{@link #decide} must be a pure function of its arguments: on a version conflict the dispatcher reloads the
 * state and calls it again. Declare the scope it needs with {@link RequiresScope} or open it with
 * {@link PublicAccess}; the annotation processor fails the build otherwise.
 *
 * @param <C> the command type
 * @param <S> the state type
 */
public interface Receptor<C extends Command, S> {
    /** The stream whose state the command is decided on and to which its events are appended. */
    StreamId streamOf(C command, CommandContext context);

    /** How the stream's events fold into the state. */
    Aggregate<S> aggregate();

    /** The decision: events to append, or a rejection naming the rule. */
    Decision decide(C command, S state, CommandContext context);
}
