package io.whizbang.handler;

import io.whizbang.message.Command;

import java.time.Duration;
import java.time.Instant;

/**
 * What a saga step may do besides changing its state: send commands, set or clear its deadline, finish.
 */
public interface SagaContext {
    /** The instance's key, the value of its {@link CorrelateBy} component. */
    String instanceKey();

    /** The time now, from the runtime's clock. */
    Instant now();

    /** Sends a command, caused by the event being handled, after the step's state is saved. */
    void send(Command command);

    /** Sets the deadline after which {@link Saga#onDeadline} runs, replacing any earlier one. */
    void deadline(Duration fromNow);

    /** Clears the deadline. */
    void clearDeadline();

    /** Ends the instance: later events for its key start no new one. */
    void complete();
}
