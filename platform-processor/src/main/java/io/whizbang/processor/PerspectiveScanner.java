package io.whizbang.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the perspectives of a compilation and checks their model record, the shape of their {@code @On} methods,
 * and that names and models are unique.
 */
final class PerspectiveScanner {
    private final WhizbangApi api;
    private final Types types;
    private final HandlerRules rules;
    private final PolicyReader policyReader;
    private final Diagnostics diagnostics;

    PerspectiveScanner(WhizbangApi api, Types types, HandlerRules rules, PolicyReader policyReader,
                       Diagnostics diagnostics) {
        this.api = api;
        this.types = types;
        this.rules = rules;
        this.policyReader = policyReader;
        this.diagnostics = diagnostics;
    }

    /** The perspectives among the types, checked. */
    List<PerspectiveModel> scan(List<TypeElement> candidates, MessageCatalog messages) {
        Map<String, PerspectiveModel> byName = new HashMap<>();
        Map<String, PerspectiveModel> byModel = new HashMap<>();
        List<PerspectiveModel> perspectives = new ArrayList<>();
        for (TypeElement type : candidates) {
            if (!HandlerRules.isConcreteClass(type) || !api.isPerspective(type)) {
                continue;
            }
            check(type, messages).ifPresent(perspective -> {
                PerspectiveModel sameName = byName.putIfAbsent(perspective.name(), perspective);
                PerspectiveModel sameModel = byModel.putIfAbsent(
                        perspective.model().getQualifiedName().toString(), perspective);
                if (sameName != null) {
                    diagnostics.error(type, "perspectives " + sameName.type().getQualifiedName() + " and "
                            + type.getQualifiedName() + " are both named \"" + perspective.name()
                            + "\": give one of them another @Name");
                } else if (sameModel != null) {
                    diagnostics.error(type, "perspectives " + sameModel.type().getQualifiedName() + " and "
                            + type.getQualifiedName() + " both write model " + perspective.model().getQualifiedName()
                            + ": each perspective needs its own model record");
                } else {
                    perspectives.add(perspective);
                }
            });
        }
        return perspectives;
    }

    private Optional<PerspectiveModel> check(TypeElement type, MessageCatalog messages) {
        String name = rules.name(type, "Perspective", "perspective");
        rules.requireInstantiable(type);
        policyReader.rejectOn(type, "perspective");
        Optional<List<? extends TypeMirror>> arguments = api.perspectiveArguments(type);
        if (arguments.isEmpty()) {
            diagnostics.error(type, "perspective " + type.getQualifiedName()
                    + " implements Perspective without its model type: implement Perspective<YourModel>");
            return Optional.empty();
        }
        TypeMirror modelType = arguments.get().get(0);
        Optional<TypeElement> model = api.asRecord(modelType);
        if (model.isEmpty()) {
            diagnostics.error(type, "model type " + modelType + " of perspective " + type.getQualifiedName()
                    + " must be a record: perspectives store their documents as JSON");
            return Optional.empty();
        }
        if (rules.onMethods(type).isEmpty()) {
            diagnostics.error(type, "perspective " + type.getQualifiedName() + " has no @On method: add one such as "
                    + "public void on(SomeEvent event, Documents<" + model.get().getSimpleName() + "> documents)");
            return Optional.empty();
        }
        List<EventHandler> handlers = handlers(type, modelType, messages);
        if (handlers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PerspectiveModel(type, name, model.get(), handlers));
    }

    private List<EventHandler> handlers(TypeElement type, TypeMirror modelType, MessageCatalog messages) {
        Map<String, EventHandler> byEvent = new LinkedHashMap<>();
        for (ExecutableElement method : rules.onMethods(type)) {
            if (!rules.requireCallable(method, type)) {
                continue;
            }
            if (!hasShape(rules.signature(type, method), modelType)) {
                String model = types.asElement(modelType).getSimpleName().toString();
                String name = method.getSimpleName().toString();
                diagnostics.error(method, "@On method " + HandlerRules.methodName(type, method)
                        + " has an unsupported shape: a perspective handles an event with void " + name
                        + "(SomeEvent event, Documents<" + model + "> documents) or void " + name
                        + "(SomeEvent event, Documents<" + model + "> documents, EventContext context)");
                continue;
            }
            rules.eventParameter(method, type, messages, "perspective")
                    .filter(event -> rules.requireFirstFor(event, method, byEvent, type, "perspective"))
                    .ifPresent(event -> byEvent.put(event.getQualifiedName().toString(),
                            new EventHandler(method, event, method.getParameters().size() == 3)));
        }
        List<EventHandler> handlers = new ArrayList<>(byEvent.values());
        handlers.sort(Comparator.comparing(handler -> handler.event().getQualifiedName().toString()));
        return handlers;
    }

    private boolean hasShape(ExecutableType signature, TypeMirror modelType) {
        List<? extends TypeMirror> parameters = signature.getParameterTypes();
        if (signature.getReturnType().getKind() != TypeKind.VOID || parameters.size() < 2 || parameters.size() > 3) {
            return false;
        }
        if (!types.isSameType(parameters.get(1), api.documentsOf(modelType))) {
            return false;
        }
        return parameters.size() == 2 || api.isEventContext(parameters.get(2));
    }
}
