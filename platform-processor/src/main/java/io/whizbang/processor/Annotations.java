package io.whizbang.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the annotations of elements as mirrors, by qualified name, so the processor never loads annotation classes.
 */
final class Annotations {
    private final Elements elements;

    Annotations(Elements elements) {
        this.elements = elements;
    }

    /** The annotation of that type on the element, if present. */
    Optional<AnnotationMirror> find(Element element, String annotationType) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(annotationType)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** Whether the element carries the annotation. */
    boolean has(Element element, String annotationType) {
        return find(element, annotationType).isPresent();
    }

    /**
     * The value of an annotation member, its default when not written, or null when it has neither: javac reports
     * that missing member itself, so the processor reads it as zero and carries on.
     */
    Object value(AnnotationMirror mirror, String member) {
        Map<? extends ExecutableElement, ? extends AnnotationValue> values =
                elements.getElementValuesWithDefaults(mirror);
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue().getValue();
            }
        }
        return null;
    }

    String string(AnnotationMirror mirror, String member) {
        return value(mirror, member) instanceof String text ? text : "";
    }

    int integer(AnnotationMirror mirror, String member) {
        return value(mirror, member) instanceof Number number ? number.intValue() : 0;
    }

    long longInteger(AnnotationMirror mirror, String member) {
        return value(mirror, member) instanceof Number number ? number.longValue() : 0;
    }

    double decimal(AnnotationMirror mirror, String member) {
        return value(mirror, member) instanceof Number number ? number.doubleValue() : 0;
    }

    /** The types of a {@code Class<?>} member, or of each entry of a {@code Class<?>[]} member. */
    List<TypeMirror> types(AnnotationMirror mirror, String member) {
        Object value = value(mirror, member);
        List<TypeMirror> result = new ArrayList<>();
        if (value instanceof TypeMirror single) {
            result.add(single);
        } else if (value instanceof List<?> entries) {
            for (Object entry : entries) {
                Object type = ((AnnotationValue) entry).getValue();
                if (type instanceof TypeMirror mirrorType) {
                    result.add(mirrorType);
                }
            }
        }
        return result;
    }

    /** The string value of an annotation such as {@code @Name("x")} on the element, if present. */
    Optional<String> stringValue(Element element, String annotationType) {
        return find(element, annotationType).map(mirror -> string(mirror, "value"));
    }
}
