package io.whizbang.registry;

import io.whizbang.handler.Saga;
import io.whizbang.handler.SagaContext;
import io.whizbang.message.Command;
import io.whizbang.message.Event;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A saga with the generated calls of its {@code @On} methods and of its correlation component.
 *
 * @param name      the saga's name
 * @param stateType its state record type
 * @param instance  the saga instance
 * @param handles   the event types it reacts to
 * @param sends     the command types it declares it sends (for the message-flow map)
 * @param keyOf     the generated read of the correlation component of an event it handles
 * @param invoker   the generated call: the method for the event's type
 * @param <S>       the state type
 */
public record SagaBinding<S>(String name, Class<S> stateType, Saga<S> instance, Set<Class<? extends Event>> handles,
                             Set<Class<? extends Command>> sends, Function<Event, String> keyOf,
                             Invoker<S> invoker) {
    public SagaBinding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stateType, "stateType");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(keyOf, "keyOf");
        Objects.requireNonNull(invoker, "invoker");
        handles = Set.copyOf(handles);
        sends = Set.copyOf(sends);
    }

    /** Whether the saga reacts to events of this type. */
    public boolean handles(Class<?> eventType) {
        return handles.contains(eventType);
    }

    /**
     * Calls the saga's method for an event, generated as plain Java.
     *
     * @param <S> the state type
     */
    @FunctionalInterface
    public interface Invoker<S> {
        /** The state after the event. */
        S apply(Event event, S state, SagaContext context);
    }
}
