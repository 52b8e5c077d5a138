package io.whizbang.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
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
 * Finds the sagas of a compilation and checks their state record, correlation component, the shape of their
 * {@code @On} methods and the commands they declare they send.
 */
final class SagaScanner {
    private final WhizbangApi api;
    private final Types types;
    private final Annotations annotations;
    private final HandlerRules rules;
    private final PolicyReader policyReader;
    private final Diagnostics diagnostics;

    SagaScanner(WhizbangApi api, Types types, Annotations annotations, HandlerRules rules, PolicyReader policyReader,
                Diagnostics diagnostics) {
        this.api = api;
        this.types = types;
        this.annotations = annotations;
        this.rules = rules;
        this.policyReader = policyReader;
        this.diagnostics = diagnostics;
    }

    /** The sagas among the types, checked. */
    List<SagaModel> scan(List<TypeElement> candidates, MessageCatalog messages) {
        Map<String, SagaModel> byName = new HashMap<>();
        List<SagaModel> sagas = new ArrayList<>();
        for (TypeElement type : candidates) {
            if (!HandlerRules.isConcreteClass(type) || !api.isSaga(type)) {
                continue;
            }
            check(type, messages).ifPresent(saga -> {
                SagaModel clash = byName.putIfAbsent(saga.name(), saga);
                if (clash != null) {
                    diagnostics.error(type, "sagas " + clash.type().getQualifiedName() + " and "
                            + type.getQualifiedName() + " are both named \"" + saga.name()
                            + "\": give one of them another @Name");
                } else {
                    sagas.add(saga);
                }
            });
        }
        return sagas;
    }

    private Optional<SagaModel> check(TypeElement type, MessageCatalog messages) {
        String name = rules.name(type, "Saga", "saga");
        rules.requireInstantiable(type);
        policyReader.rejectOn(type, "saga");
        List<TypeElement> sends = sends(type, messages);
        Optional<String> correlateBy = correlateBy(type);
        Optional<List<? extends TypeMirror>> arguments = api.sagaArguments(type);
        if (arguments.isEmpty()) {
            diagnostics.error(type, "saga " + type.getQualifiedName()
                    + " implements Saga without its state type: implement Saga<YourState>");
            return Optional.empty();
        }
        TypeMirror stateType = arguments.get().get(0);
        Optional<TypeElement> state = api.asRecord(stateType);
        if (state.isEmpty()) {
            diagnostics.error(type, "state type " + stateType + " of saga " + type.getQualifiedName()
                    + " must be a record: saga state is stored as JSON");
            return Optional.empty();
        }
        if (rules.onMethods(type).isEmpty()) {
            String simple = state.get().getSimpleName().toString();
            diagnostics.error(type, "saga " + type.getQualifiedName() + " has no @On method: add one such as public "
                    + simple + " on(SomeEvent event, " + simple + " state, SagaContext context)");
            return Optional.empty();
        }
        List<EventHandler> handlers = handlers(type, stateType, messages, correlateBy);
        if (handlers.isEmpty()) {
            return Optional.empty();
        }
        return correlateBy.map(component -> new SagaModel(type, name, state.get(), component, handlers, sends));
    }

    private Optional<String> correlateBy(TypeElement type) {
        Optional<AnnotationMirror> annotation = annotations.find(type, WhizbangApi.CORRELATE_BY);
        Optional<String> component = annotation.map(mirror -> annotations.string(mirror, "value"))
                .filter(value -> !value.isBlank());
        if (component.isEmpty()) {
            diagnostics.error(type, annotation.orElse(null), "saga " + type.getQualifiedName()
                    + " does not say which event component names its instance: add @CorrelateBy(\"orderId\")");
        }
        return component;
    }

    private List<EventHandler> handlers(TypeElement type, TypeMirror stateType, MessageCatalog messages,
                                        Optional<String> correlateBy) {
        Map<String, EventHandler> byEvent = new LinkedHashMap<>();
        for (ExecutableElement method : rules.onMethods(type)) {
            if (!rules.requireCallable(method, type)) {
                continue;
            }
            if (!hasShape(rules.signature(type, method), stateType)) {
                String state = types.asElement(stateType).getSimpleName().toString();
                diagnostics.error(method, "@On method " + HandlerRules.methodName(type, method)
                        + " has an unsupported shape: a saga handles an event with " + state + " "
                        + method.getSimpleName() + "(SomeEvent event, " + state + " state, SagaContext context)");
                continue;
            }
            rules.eventParameter(method, type, messages, "saga")
                    .filter(event -> rules.requireFirstFor(event, method, byEvent, type, "saga"))
                    .filter(event -> correlateBy.isEmpty() || hasComponent(event, correlateBy.get(), type, method))
                    .ifPresent(event -> byEvent.put(event.getQualifiedName().toString(),
                            new EventHandler(method, event, true)));
        }
        List<EventHandler> handlers = new ArrayList<>(byEvent.values());
        handlers.sort(Comparator.comparing(handler -> handler.event().getQualifiedName().toString()));
        return handlers;
    }

    private boolean hasShape(ExecutableType signature, TypeMirror stateType) {
        List<? extends TypeMirror> parameters = signature.getParameterTypes();
        return parameters.size() == 3 && types.isSameType(signature.getReturnType(), stateType)
                && types.isSameType(parameters.get(1), stateType) && api.isSagaContext(parameters.get(2));
    }

    private boolean hasComponent(TypeElement event, String component, TypeElement saga, ExecutableElement method) {
        boolean found = event.getRecordComponents().stream()
                .anyMatch(candidate -> candidate.getSimpleName().contentEquals(component));
        if (!found) {
            diagnostics.error(method, "event " + event.getQualifiedName() + " handled by saga "
                    + saga.getQualifiedName() + " has no component '" + component + "' named by @CorrelateBy: "
                    + "add it to the event, or correlate by a component every handled event has");
        }
        return found;
    }

    private List<TypeElement> sends(TypeElement type, MessageCatalog messages) {
        Optional<AnnotationMirror> annotation = annotations.find(type, WhizbangApi.SENDS);
        Map<String, TypeElement> commands = new LinkedHashMap<>();
        annotation.ifPresent(mirror -> {
            for (TypeMirror entry : annotations.types(mirror, "value")) {
                Optional<MessageModel> command = messages.find(entry, MessageKind.COMMAND);
                if (command.isEmpty()) {
                    diagnostics.error(type, mirror, "@Sends of saga " + type.getQualifiedName() + " lists " + entry
                            + ", which is not a command: list only records implementing Command");
                } else {
                    commands.put(command.get().className(), command.get().type());
                }
            }
        });
        return List.copyOf(commands.values());
    }
}
