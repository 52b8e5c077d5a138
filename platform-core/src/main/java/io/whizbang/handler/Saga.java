package io.whizbang.handler;

/**
 * A long-running process: reacts to events, keeps state per instance, sends commands, and has a deadline.
 *
 * <p>Each event type it reacts to has an {@link On} method {@code S on(E event, S state, SagaContext context)}.
 * The instance an event belongs to is named by {@link CorrelateBy} on the saga class; the commands it sends are
 * declared with {@link Sends}. Its name is the class name in kebab case without the {@code Saga} suffix unless
 * {@link Name} sets it.
 *
 * @param <S> the saga's state type
 */
public interface Saga<S> {
    /** The state of a new instance. */
    S initial();

    /** What happens when the deadline set through {@link SagaContext#deadline} passes first. */
    default S onDeadline(S state, SagaContext context) {
        return state;
    }
}
