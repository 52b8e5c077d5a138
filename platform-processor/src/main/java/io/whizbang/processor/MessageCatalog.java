package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The message types a compilation knows: those compiled in it, checked by {@link MessageScanner}, and those a
 * handler refers to from the class path, described on first use.
 */
final class MessageCatalog {
    private final WhizbangApi api;
    private final Function<TypeElement, MessageModel> describe;
    private final Map<String, MessageModel> compiled = new LinkedHashMap<>();
    private final Map<String, MessageModel> fromClassPath = new LinkedHashMap<>();

    MessageCatalog(WhizbangApi api, Function<TypeElement, MessageModel> describe) {
        this.api = api;
        this.describe = describe;
    }

    void add(MessageModel message) {
        compiled.put(message.className(), message);
    }

    /** The message a type stands for, if it is a message record of the kind. */
    Optional<MessageModel> find(TypeMirror type, MessageKind kind) {
        return find(type).filter(message -> message.kind() == kind);
    }

    /** The message a type stands for, if it is a message record. */
    Optional<MessageModel> find(TypeMirror type) {
        return api.asRecord(type).flatMap(this::find);
    }

    /** The message model of a record, if it is a message. */
    Optional<MessageModel> find(TypeElement record) {
        String name = record.getQualifiedName().toString();
        MessageModel known = compiled.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        if (api.messageKinds(record).size() != 1) {
            return Optional.empty();
        }
        return Optional.of(fromClassPath.computeIfAbsent(name, key -> describe.apply(record)));
    }

    /** The record a type stands for, or empty for any other type. */
    Optional<TypeElement> asRecord(TypeMirror type) {
        return api.asRecord(type);
    }

    /** The message records compiled here, ordered by type name. */
    List<MessageModel> compiled() {
        List<MessageModel> messages = new ArrayList<>(compiled.values());
        messages.sort(Comparator.comparing(MessageModel::typeName).thenComparing(MessageModel::className));
        return messages;
    }

    /** The message records compiled here of one kind, ordered by type name. */
    List<MessageModel> compiled(MessageKind kind) {
        return compiled().stream().filter(message -> message.kind() == kind).toList();
    }
}
