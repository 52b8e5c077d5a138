package io.whizbang.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the receptors of a compilation and checks their command type, scope, declared events and uniqueness per
 * command.
 */
final class ReceptorScanner {
    private final WhizbangApi api;
    private final Annotations annotations;
    private final HandlerRules rules;
    private final PolicyReader policyReader;
    private final Diagnostics diagnostics;

    ReceptorScanner(WhizbangApi api, Annotations annotations, HandlerRules rules, PolicyReader policyReader,
                    Diagnostics diagnostics) {
        this.api = api;
        this.annotations = annotations;
        this.rules = rules;
        this.policyReader = policyReader;
        this.diagnostics = diagnostics;
    }

    /** The receptors among the types, checked. */
    List<ReceptorModel> scan(List<TypeElement> types, MessageCatalog messages) {
        Map<String, ReceptorModel> byCommand = new HashMap<>();
        List<ReceptorModel> receptors = new ArrayList<>();
        for (TypeElement type : types) {
            if (!HandlerRules.isConcreteClass(type) || !api.isReceptor(type)) {
                continue;
            }
            check(type, messages).ifPresent(receptor -> {
                String command = receptor.command().getQualifiedName().toString();
                ReceptorModel clash = byCommand.putIfAbsent(command, receptor);
                if (clash != null) {
                    diagnostics.error(type, "receptors " + clash.type().getQualifiedName() + " and "
                            + type.getQualifiedName() + " both receive command " + command
                            + ": keep one receptor per command");
                } else {
                    receptors.add(receptor);
                }
            });
        }
        return receptors;
    }

    private Optional<ReceptorModel> check(TypeElement type, MessageCatalog messages) {
        String name = type.getQualifiedName().toString();
        Optional<String> scope = rules.scope(type, "receptor");
        rules.requireInstantiable(type);
        List<TypeElement> emits = emits(type, messages);
        Policies policies = policyReader.read(type, false);
        Optional<List<? extends TypeMirror>> arguments = api.receptorArguments(type);
        if (arguments.isEmpty()) {
            diagnostics.error(type, "receptor " + name
                    + " implements Receptor without type arguments: implement Receptor<YourCommand, YourState>");
            return Optional.empty();
        }
        TypeMirror commandType = arguments.get().get(0);
        Optional<MessageModel> command = messages.find(commandType, MessageKind.COMMAND);
        if (command.isEmpty()) {
            diagnostics.error(type, "receptor " + name + " receives " + commandType
                    + ", which is not a command: its first type argument must be a record implementing Command");
            return Optional.empty();
        }
        return Optional.of(new ReceptorModel(type, command.get().type(), scope, emits, policies));
    }

    private List<TypeElement> emits(TypeElement type, MessageCatalog messages) {
        Optional<AnnotationMirror> annotation = annotations.find(type, WhizbangApi.EMITS);
        if (annotation.isEmpty()) {
            diagnostics.error(type, "receptor " + type.getQualifiedName()
                    + " does not declare the events it emits: add @Emits({...})");
            return List.of();
        }
        Map<String, TypeElement> events = new LinkedHashMap<>();
        for (TypeMirror entry : annotations.types(annotation.get(), "value")) {
            Optional<MessageModel> event = messages.find(entry, MessageKind.EVENT);
            if (event.isEmpty()) {
                diagnostics.error(type, annotation.get(), "@Emits of receptor " + type.getQualifiedName()
                        + " lists " + entry + ", which is not an event: list only records implementing Event");
            } else {
                events.put(event.get().className(), event.get().type());
            }
        }
        return List.copyOf(events.values());
    }
}
