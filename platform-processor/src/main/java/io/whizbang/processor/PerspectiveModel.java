package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import java.util.List;

/**
 * A perspective class as found at compile time.
 *
 * @param type     the perspective class
 * @param name     its stable name, from {@code @Name} or the class name in kebab case
 * @param model    the read-model record it writes
 * @param handlers its {@code @On} methods, ordered by event type name
 */
record PerspectiveModel(TypeElement type, String name, TypeElement model, List<EventHandler> handlers) {
}
