package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import java.util.List;

/**
 * A saga class as found at compile time.
 *
 * @param type        the saga class
 * @param name        its stable name, from {@code @Name} or the class name in kebab case
 * @param state       the state record of an instance
 * @param correlateBy the event component that names the instance
 * @param handlers    its {@code @On} methods, ordered by event type name
 * @param sends       the command records it declares with {@code @Sends}
 */
record SagaModel(TypeElement type, String name, TypeElement state, String correlateBy, List<EventHandler> handlers,
                 List<TypeElement> sends) {
}
