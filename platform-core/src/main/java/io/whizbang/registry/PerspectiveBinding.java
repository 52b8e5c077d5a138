package io.whizbang.registry;

import io.whizbang.handler.Documents;
import io.whizbang.handler.EventContext;
import io.whizbang.handler.Perspective;
import io.whizbang.message.Event;

import java.util.Objects;
import java.util.Set;

/**
 * A perspective with the generated call of its {@code @On} methods.
 *
 * @param name      the perspective's name
 * @param modelType its read-model record type
 * @param instance  the perspective instance
 * @param handles   the event types it has methods for
 * @param invoker   the generated call: the method for the event's type
 * @param <M>       the read-model type
 */
public record PerspectiveBinding<M>(String name, Class<M> modelType, Perspective<M> instance,
                                    Set<Class<? extends Event>> handles, Invoker<M> invoker) {
    public PerspectiveBinding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(invoker, "invoker");
        handles = Set.copyOf(handles);
    }

    /** Whether the perspective handles events of this type. */
    public boolean handles(Class<?> eventType) {
        return handles.contains(eventType);
    }

    /**
     * Calls the perspective's method for an event, generated as plain Java.
     *
     * @param <M> the read-model type
     */
    @FunctionalInterface
    public interface Invoker<M> {
        /** Applies the event; does nothing for a type the perspective does not handle. */
        void apply(Event event, Documents<M> documents, EventContext context);
    }
}
