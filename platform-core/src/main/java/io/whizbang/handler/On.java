package io.whizbang.handler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a perspective or a saga that handles one event type, named by its first parameter.
 *
 * <p>Perspective methods: {@code void on(E event, Documents<M> documents)}, optionally with an
 * {@link EventContext} as third parameter. Saga methods: {@code S on(E event, S state, SagaContext context)}.
 * The annotation processor generates the calls; a method of another shape fails the build.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface On {
}
