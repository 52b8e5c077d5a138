package io.whizbang.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules every handler class shares: how it declares who may reach it, how the generated registry creates it
 * and calls its methods, and how it is named.
 */
final class HandlerRules {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Elements elements;
    private final Types types;
    private final Annotations annotations;
    private final Diagnostics diagnostics;

    HandlerRules(Elements elements, Types types, Annotations annotations, Diagnostics diagnostics) {
        this.elements = elements;
        this.types = types;
        this.annotations = annotations;
        this.diagnostics = diagnostics;
    }

    /**
     * The scope a receptor or lens requires, or empty for {@code @PublicAccess}.
     *
     * @param kind "receptor" or "lens", for the diagnostics
     */
    Optional<String> scope(TypeElement handler, String kind) {
        Optional<AnnotationMirror> requires = annotations.find(handler, WhizbangApi.REQUIRES_SCOPE);
        boolean open = annotations.has(handler, WhizbangApi.PUBLIC_ACCESS);
        String name = handler.getQualifiedName().toString();
        if (requires.isEmpty() && !open) {
            diagnostics.error(handler, kind + " " + name
                    + " declares no scope: add @RequiresScope(\"...\") or @PublicAccess");
            return Optional.empty();
        }
        if (requires.isPresent() && open) {
            diagnostics.error(handler, requires.get(), kind + " " + name
                    + " has both @RequiresScope and @PublicAccess: keep only one");
            return Optional.empty();
        }
        Optional<String> scope = requires.map(mirror -> annotations.string(mirror, "value"));
        if (scope.isPresent() && scope.get().isBlank()) {
            diagnostics.error(handler, requires.get(), "@RequiresScope of " + kind + " " + name
                    + " is blank: name a scope such as \"orders:write\", or use @PublicAccess");
        }
        return scope;
    }

    /** Checks that the registry can create the handler with {@code new}: public, static, public no-arg constructor. */
    void requireInstantiable(TypeElement handler) {
        String name = handler.getQualifiedName().toString();
        if (!isVisibleEverywhere(handler)) {
            diagnostics.error(handler, name + " must be public, and so must any class it is nested in: "
                    + "the generated registry refers to it");
            return;
        }
        if (handler.getNestingKind() == NestingKind.MEMBER && !handler.getModifiers().contains(Modifier.STATIC)) {
            diagnostics.error(handler, name + " must be a static nested class: the generated registry creates it "
                    + "without an enclosing instance");
            return;
        }
        boolean hasNoArgConstructor = ElementFilter.constructorsIn(handler.getEnclosedElements()).stream()
                .anyMatch(constructor -> constructor.getParameters().isEmpty()
                        && constructor.getModifiers().contains(Modifier.PUBLIC));
        if (!hasNoArgConstructor) {
            diagnostics.error(handler, name
                    + " needs a public no-arg constructor, or pass an instance through Instances");
        }
    }

    /**
     * The stable name of a perspective or saga: {@code @Name}, or the class name without the suffix in kebab case.
     *
     * @param kind "perspective" or "saga", for the diagnostics
     */
    String name(TypeElement handler, String suffix, String kind) {
        Optional<AnnotationMirror> annotation = annotations.find(handler, WhizbangApi.NAME);
        if (annotation.isEmpty()) {
            return GeneratedNames.kebabName(handler, suffix);
        }
        String name = annotations.string(annotation.get(), "value");
        if (!NAME.matcher(name).matches()) {
            diagnostics.error(handler, annotation.get(), "@Name(\"" + name + "\") of " + kind + " "
                    + handler.getQualifiedName()
                    + " must be lowercase letters, digits and dashes, such as \"order-summary\"");
        }
        return name;
    }

    /** The handler's {@code @On} methods, inherited ones included. */
    List<ExecutableElement> onMethods(TypeElement handler) {
        return ElementFilter.methodsIn(elements.getAllMembers(handler)).stream()
                .filter(method -> annotations.has(method, WhizbangApi.ON))
                .toList();
    }

    /**
     * The method's parameter and return types as seen from the handler class, so that a method inherited from a
     * generic base class has its type variables replaced.
     */
    ExecutableType signature(TypeElement handler, ExecutableElement method) {
        return (ExecutableType) types.asMemberOf((DeclaredType) handler.asType(), method);
    }

    /** Checks that the registry can call the {@code @On} method on an instance; false when it cannot. */
    boolean requireCallable(ExecutableElement method, TypeElement handler) {
        if (!method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.STATIC)) {
            diagnostics.error(method, "@On method " + methodName(handler, method)
                    + " must be public and not static: the generated registry calls it on the instance");
            return false;
        }
        return true;
    }

    /**
     * The event record an {@code @On} method's first parameter names, or empty (reported) when it names no event.
     *
     * @param kind "perspective" or "saga", for the diagnostics
     */
    Optional<TypeElement> eventParameter(ExecutableElement method, TypeElement handler, MessageCatalog messages,
                                         String kind) {
        VariableElement parameter = method.getParameters().get(0);
        TypeMirror type = signature(handler, method).getParameterTypes().get(0);
        String where = "parameter '" + parameter.getSimpleName() + "' of " + methodName(handler, method);
        Optional<MessageModel> message = messages.find(type);
        if (message.isEmpty()) {
            diagnostics.error(method, where + " is not a message type: " + type
                    + "; the first parameter of an @On method is the event it handles");
            return Optional.empty();
        }
        if (message.get().kind() != MessageKind.EVENT) {
            diagnostics.error(method, where + " is a " + message.get().kind().noun() + ", not an event: the @On "
                    + "methods of a " + kind + " receive events");
            return Optional.empty();
        }
        return Optional.of(message.get().type());
    }

    /**
     * Reports a second {@code @On} method for the same event; false when the event already has one.
     *
     * @param kind "perspective" or "saga", for the diagnostics
     */
    boolean requireFirstFor(TypeElement event, ExecutableElement method, Map<String, EventHandler> byEvent,
                            TypeElement handler, String kind) {
        EventHandler earlier = byEvent.get(event.getQualifiedName().toString());
        if (earlier == null) {
            return true;
        }
        diagnostics.error(method, kind + " " + handler.getQualifiedName() + " has two @On methods for event "
                + event.getQualifiedName() + ": " + earlier.methodName() + " and " + method.getSimpleName()
                + "; keep one");
        return false;
    }

    /** Whether the type is a class the registry could instantiate: a class or record, not abstract. */
    static boolean isConcreteClass(TypeElement type) {
        return (type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD)
                && !type.getModifiers().contains(Modifier.ABSTRACT);
    }

    /** {@code Class.method}, the way diagnostics name a method. */
    static String methodName(TypeElement owner, ExecutableElement method) {
        return owner.getQualifiedName() + "." + method.getSimpleName();
    }

    /** Whether the element, or a type enclosing it, is private. */
    static boolean isPrivate(Element element) {
        for (Element current = element; current.getKind() != ElementKind.PACKAGE;
             current = current.getEnclosingElement()) {
            if (current.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }

    /** Whether code in any package can refer to the element: it and every type enclosing it are public. */
    static boolean isVisibleEverywhere(Element element) {
        for (Element current = element; current.getKind() != ElementKind.PACKAGE;
             current = current.getEnclosingElement()) {
            if (!current.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }
}
