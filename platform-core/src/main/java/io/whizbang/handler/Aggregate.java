package io.whizbang.handler;

import io.whizbang.message.Event;

/**
 * How the state a receptor decides on is folded from a stream's events.
 *
 * @param <S> the state type, usually an immutable record
 */
public interface Aggregate<S> {
    /** The state of a stream that has no events yet. */
    S initial();

    /** The state after one more event; must not have side effects. */
    S evolve(S state, Event event);

    /** An aggregate for receptors that decide on the command alone. */
    static <S> Aggregate<S> stateless() {
        return new Aggregate<>() {
            @Override
            public S initial() {
                return null;
            }

            @Override
            public S evolve(S state, Event event) {
                return state;
            }
        };
    }
}
