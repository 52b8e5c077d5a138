package io.whizbang.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the commands, events and queries of a compilation and checks that each is a record with a unique type
 * name and a valid schema version.
 */
final class MessageScanner {
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9_.]+");

    private final WhizbangApi api;
    private final Annotations annotations;
    private final PolicyReader policyReader;
    private final Diagnostics diagnostics;

    MessageScanner(WhizbangApi api, Annotations annotations, PolicyReader policyReader, Diagnostics diagnostics) {
        this.api = api;
        this.annotations = annotations;
        this.policyReader = policyReader;
        this.diagnostics = diagnostics;
    }

    /** The message types among the types, checked. */
    MessageCatalog scan(List<TypeElement> types) {
        MessageCatalog catalog = new MessageCatalog(api, this::describeFromClassPath);
        Map<String, MessageModel> byTypeName = new HashMap<>();
        for (TypeElement type : types) {
            List<MessageKind> kinds = type.getKind().isInterface() ? List.of() : api.messageKinds(type);
            if (kinds.isEmpty()) {
                continue;
            }
            if (kinds.size() > 1) {
                diagnostics.error(type, type.getQualifiedName() + " implements " + kinds.stream()
                        .map(MessageKind::interfaceName).collect(Collectors.joining(" and "))
                        + ": a message is exactly one of Command, Event and Query; implement only one");
                continue;
            }
            MessageKind kind = kinds.get(0);
            if (type.getKind() != ElementKind.RECORD) {
                diagnostics.error(type, type.getQualifiedName() + " implements " + kind.interfaceName()
                        + " but is not a record; messages are immutable records");
                continue;
            }
            MessageModel message = check(type, kind);
            MessageModel clash = byTypeName.putIfAbsent(message.typeName(), message);
            if (clash != null) {
                diagnostics.error(type, "message types " + clash.className() + " and " + message.className()
                        + " share the type name \"" + message.typeName()
                        + "\": give one of them a distinct @TypeName(\"...\")");
            }
            catalog.add(message);
        }
        return catalog;
    }

    private MessageModel check(TypeElement type, MessageKind kind) {
        String typeName = typeName(type);
        if (!TYPE_NAME.matcher(typeName).matches()) {
            diagnostics.error(type, annotations.find(type, WhizbangApi.TYPE_NAME).orElse(null),
                    "@TypeName(\"" + typeName + "\") of " + type.getQualifiedName()
                            + " must be letters, digits, dots and underscores, such as \"OrderPlaced\"");
        }
        Optional<AnnotationMirror> version = annotations.find(type, WhizbangApi.SCHEMA_VERSION);
        int schemaVersion = version.map(mirror -> annotations.integer(mirror, "value")).orElse(1);
        if (version.isEmpty() && kind == MessageKind.EVENT) {
            diagnostics.error(type, "event " + type.getQualifiedName()
                    + " has no schema version: add @SchemaVersion(1)");
        } else if (schemaVersion < 1) {
            diagnostics.error(type, version.get(), "@SchemaVersion(" + schemaVersion + ") of "
                    + type.getQualifiedName() + " must be at least 1: versions start at @SchemaVersion(1)");
            schemaVersion = 1;
        }
        Optional<TypeMirror> answer = Optional.empty();
        if (kind == MessageKind.QUERY) {
            answer = api.queryArguments(type).map(arguments -> arguments.get(0));
            if (answer.isEmpty()) {
                diagnostics.error(type, "query " + type.getQualifiedName()
                        + " implements Query without its answer type: implement Query<YourAnswer>");
            }
        }
        Policies policies = Policies.NONE;
        if (kind == MessageKind.EVENT) {
            policyReader.rejectOn(type, "event");
        } else {
            policies = policyReader.read(type, kind == MessageKind.QUERY);
        }
        return new MessageModel(type, kind, typeName, schemaVersion, policies, answer);
    }

    /** A message record compiled elsewhere, as its class file describes it; its own build checked it. */
    private MessageModel describeFromClassPath(TypeElement type) {
        MessageKind kind = api.messageKinds(type).get(0);
        int schemaVersion = annotations.find(type, WhizbangApi.SCHEMA_VERSION)
                .map(mirror -> annotations.integer(mirror, "value")).orElse(1);
        Optional<TypeMirror> answer = kind == MessageKind.QUERY
                ? api.queryArguments(type).map(arguments -> arguments.get(0)) : Optional.empty();
        Policies policies = kind == MessageKind.EVENT ? Policies.NONE
                : policyReader.read(type, kind == MessageKind.QUERY);
        return new MessageModel(type, kind, typeName(type), schemaVersion, policies, answer);
    }

    private String typeName(TypeElement type) {
        return annotations.stringValue(type, WhizbangApi.TYPE_NAME).orElse(type.getSimpleName().toString());
    }
}
