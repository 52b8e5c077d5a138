package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the binding expression of each handler in the registry: the dispatch row of a receptor or lens, and the
 * {@code instanceof} chains that call a perspective's or saga's {@code @On} methods.
 */
final class HandlerBindings {
    private final CompilationModel model;
    private final TypeNames names;
    private final Map<TypeElement, String> instances;

    /** Bindings that refer to each handler instance by the local variable {@code instances} maps it to. */
    HandlerBindings(CompilationModel model, TypeNames names, Map<TypeElement, String> instances) {
        this.model = model;
        this.names = names;
        this.instances = instances;
    }

    /** Writes the binding of the receptor, its last line ending with {@code end}. */
    void receptor(ReceptorModel receptor, SourceText java, String end) {
        Policies policies = model.message(receptor.command()).policies().overriddenBy(receptor.policies());
        java.line("new ReceptorBinding<>(" + classLiteral(receptor.command()) + ", " + instances.get(receptor.type())
                + ", " + access(receptor.scope()) + ",");
        java.indent().indent()
                .line(policies.javaExpression() + ",")
                .line(setOf(receptor.emits()) + ")" + end)
                .outdent().outdent();
    }

    /** Writes the binding of the lens, its last line ending with {@code end}. */
    void lens(LensModel lens, SourceText java, String end) {
        Policies policies = model.message(lens.query()).policies().overriddenBy(lens.policies());
        java.line("new LensBinding<>(" + classLiteral(lens.query()) + ", " + instances.get(lens.type()) + ", "
                + access(lens.scope()) + ",");
        java.indent().indent()
                .line(policies.javaExpression() + ")" + end)
                .outdent().outdent();
    }

    /** Writes the binding of the perspective, its last line ending with {@code end}. */
    void perspective(PerspectiveModel perspective, SourceText java, String end) {
        String instance = instances.get(perspective.type());
        java.line("new PerspectiveBinding<" + names.of(perspective.model()) + ">("
                + SourceText.quote(perspective.name()) + ", " + classLiteral(perspective.model()) + ", " + instance
                + ",");
        java.indent().indent()
                .line(setOf(perspective.handlers().stream().map(EventHandler::event).toList()) + ",")
                .open("(event, documents, context) ->");
        for (EventHandler handler : perspective.handlers()) {
            java.open("if (event instanceof " + names.of(handler.event()) + " e)")
                    .line(instance + "." + handler.methodName() + "(e, documents"
                            + (handler.withContext() ? ", context" : "") + ");")
                    .line("return;")
                    .close();
        }
        java.close(")" + end).outdent().outdent();
    }

    /** Writes the binding of the saga, its last line ending with {@code end}. */
    void saga(SagaModel saga, SourceText java, String end) {
        String instance = instances.get(saga.type());
        java.line("new SagaBinding<" + names.of(saga.state()) + ">(" + SourceText.quote(saga.name()) + ", "
                + classLiteral(saga.state()) + ", " + instance + ",");
        java.indent().indent()
                .line(setOf(saga.handlers().stream().map(EventHandler::event).toList()) + ",")
                .line(setOf(saga.sends()) + ",")
                .open("event ->");
        for (EventHandler handler : saga.handlers()) {
            java.open("if (event instanceof " + names.of(handler.event()) + " e)")
                    .line("return String.valueOf(e." + saga.correlateBy() + "());")
                    .close();
        }
        java.line("throw new IllegalArgumentException(" + SourceText.quote("saga " + saga.name()
                        + " does not handle ") + " + event.getClass().getName());")
                .close(",")
                .open("(event, state, context) ->");
        for (EventHandler handler : saga.handlers()) {
            java.open("if (event instanceof " + names.of(handler.event()) + " e)")
                    .line("return " + instance + "." + handler.methodName() + "(e, state, context);")
                    .close();
        }
        java.line("return state;")
                .close(")" + end).outdent().outdent();
    }

    private static String access(Optional<String> scope) {
        return scope.map(value -> "Access.scope(" + SourceText.quote(value) + ")").orElse("Access.open()");
    }

    private String classLiteral(TypeElement type) {
        return names.of(type) + ".class";
    }

    /** {@code Set.of(A.class, B.class)}, sorted so that builds are reproducible. */
    private String setOf(Collection<TypeElement> types) {
        return types.stream().map(this::classLiteral).distinct().sorted()
                .collect(Collectors.joining(", ", "Set.of(", ")"));
    }
}
