package io.whizbang.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The compile errors found in one compilation, reported on the element at fault so the IDE points at it.
 *
 * <p>Counting them lets the processor generate nothing once any rule is broken: half a registry would only add
 * confusing follow-up errors.
 */
final class Diagnostics {
    private final Messager messager;
    private int errors;

    Diagnostics(Messager messager) {
        this.messager = messager;
    }

    /** Reports an error on the element. */
    void error(Element element, String message) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    /** Reports an error on an annotation of the element, or on the element when the annotation is null. */
    void error(Element element, AnnotationMirror annotation, String message) {
        errors++;
        if (annotation == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
        }
    }

    /** Reports an error that belongs to no single element. */
    void error(String message) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message);
    }

    /** Whether any error was reported. */
    boolean hasErrors() {
        return errors > 0;
    }
}
