package io.whizbang.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A static {@code @Upcasts} method that rewrites one stored version of an event into the next.
 *
 * @param method the method
 * @param event  the event record
 * @param from   the schema version it reads
 */
record UpcasterModel(ExecutableElement method, TypeElement event, int from) {

    /** The class declaring the method. */
    TypeElement owner() {
        return (TypeElement) method.getEnclosingElement();
    }
}
