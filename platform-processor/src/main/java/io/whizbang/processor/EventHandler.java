package io.whizbang.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @On} method of a perspective or saga: the event type it handles and how it is called.
 *
 * @param method      the method
 * @param event       the event record it handles, its first parameter
 * @param withContext whether a perspective method takes the {@code EventContext} as third parameter
 */
record EventHandler(ExecutableElement method, TypeElement event, boolean withContext) {

    /** The method's name, as generated code calls it. */
    String methodName() {
        return method.getSimpleName().toString();
    }
}
