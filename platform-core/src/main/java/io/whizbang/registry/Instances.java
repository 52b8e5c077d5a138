package io.whizbang.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Handler instances given by the application instead of the ones the generated registry makes with their no-arg
 * constructors: the seam for dependencies and test doubles.
 */
public final class Instances {
    private final Map<Class<?>, Object> given;

    private Instances(Map<Class<?>, Object> given) {
        this.given = Map.copyOf(given);
    }

    /** No instance given: every handler is made with its no-arg constructor. */
    public static Instances none() {
        return new Instances(Map.of());
    }

    /** These instances and one more, used for the handler class {@code type}. */
    public <T> Instances with(Class<T> type, T instance) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(instance, "instance");
        Map<Class<?>, Object> more = new HashMap<>(given);
        more.put(type, instance);
        return new Instances(more);
    }

    /** The given instance of the handler class, or the one {@code fallback} makes. */
    public <T> T get(Class<T> type, Supplier<T> fallback) {
        Object instance = given.get(type);
        return instance == null ? fallback.get() : type.cast(instance);
    }
}
