package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the processor found and checked in one compilation, from which the codecs, the registry and the
 * message-flow map are generated.
 *
 * @param application  the {@code @WhizbangApplication} class
 * @param messages     the message types
 * @param receptors    the receptors, ordered by command type name
 * @param perspectives the perspectives, ordered by name
 * @param lenses       the lenses, ordered by query type name
 * @param sagas        the sagas, ordered by name
 * @param upcasters    the upcasters, ordered by event type name and version
 * @param snapshots    the snapshotted aggregate states, ordered by type name
 * @param codecs       the codecs to generate, ordered by record name
 */
record CompilationModel(ApplicationModel application, MessageCatalog messages, List<ReceptorModel> receptors,
                        List<PerspectiveModel> perspectives, List<LensModel> lenses, List<SagaModel> sagas,
                        List<UpcasterModel> upcasters, List<SnapshotModel> snapshots, List<CodecModel> codecs) {

    /** The message model of a record the handlers refer to. */
    MessageModel message(TypeElement type) {
        return messages.find(type).orElseThrow(() -> new IllegalStateException(type + " is not a message"));
    }

    /** The type name of a message record. */
    String typeName(TypeElement type) {
        return message(type).typeName();
    }

    /**
     * Every message type of a kind that the compilation declares or its handlers refer to, by type name: the rows
     * of the message-flow map.
     */
    List<MessageModel> messagesOfKind(MessageKind kind) {
        Map<String, MessageModel> byClass = new LinkedHashMap<>();
        messages.compiled(kind).forEach(message -> byClass.put(message.className(), message));
        List<TypeElement> referenced = new ArrayList<>();
        receptors.forEach(receptor -> {
            referenced.add(receptor.command());
            referenced.addAll(receptor.emits());
        });
        lenses.forEach(lens -> referenced.add(lens.query()));
        perspectives.forEach(perspective -> perspective.handlers().forEach(handler -> referenced.add(handler.event())));
        sagas.forEach(saga -> {
            saga.handlers().forEach(handler -> referenced.add(handler.event()));
            referenced.addAll(saga.sends());
        });
        referenced.stream().map(this::message).filter(message -> message.kind() == kind)
                .forEach(message -> byClass.putIfAbsent(message.className(), message));
        List<MessageModel> result = new ArrayList<>(byClass.values());
        result.sort(Comparator.comparing(MessageModel::typeName).thenComparing(MessageModel::className));
        return result;
    }
}
