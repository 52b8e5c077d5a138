package io.whizbang.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the message-flow map: which receptor takes each command and what it emits, who reads each event, which
 * lens answers each query, what each perspective and saga handles, and how often each aggregate state is
 * snapshotted. Entries are sorted, so that equal sources
 * give equal text.
 */
final class FlowMapWriter {

    /** The JSON text of the map: one line per top-level member and per entry. */
    String json(CompilationModel model) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("commands", commands(model));
        sections.put("events", events(model));
        sections.put("queries", queries(model));
        sections.put("perspectives", perspectives(model));
        sections.put("sagas", sagas(model));
        sections.put("snapshots", snapshots(model));
        StringBuilder json = new StringBuilder("{\"application\":")
                .append(JsonText.quote(model.application().name()));
        sections.forEach((section, entries) -> {
            json.append(",\n ").append(JsonText.quote(section)).append(":[");
            for (int i = 0; i < entries.size(); i++) {
                json.append(i == 0 ? "\n  " : ",\n  ").append(JsonText.write(entries.get(i)));
            }
            json.append(']');
        });
        return json.append('}').toString();
    }

    private List<Map<String, Object>> commands(CompilationModel model) {
        List<Map<String, Object>> commands = new ArrayList<>();
        for (MessageModel command : model.messagesOfKind(MessageKind.COMMAND)) {
            Optional<ReceptorModel> receptor = model.receptors().stream()
                    .filter(candidate -> candidate.command().equals(command.type())).findFirst();
            Map<String, Object> entry = message(command);
            entry.put("receptor", receptor.map(found -> className(found.type())).orElse(null));
            entry.put("scope", receptor.flatMap(ReceptorModel::scope).orElse(null));
            entry.put("emits", typeNames(model, receptor.map(ReceptorModel::emits).orElse(List.of())));
            commands.add(entry);
        }
        return commands;
    }

    private List<Map<String, Object>> events(CompilationModel model) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (MessageModel event : model.messagesOfKind(MessageKind.EVENT)) {
            Map<String, Object> entry = message(event);
            entry.put("emittedBy", sorted(model.receptors().stream()
                    .filter(receptor -> receptor.emits().contains(event.type()))
                    .map(receptor -> className(receptor.type())).toList()));
            entry.put("perspectives", sorted(model.perspectives().stream()
                    .filter(perspective -> handles(perspective.handlers(), event))
                    .map(PerspectiveModel::name).toList()));
            entry.put("sagas", sorted(model.sagas().stream()
                    .filter(saga -> handles(saga.handlers(), event))
                    .map(SagaModel::name).toList()));
            events.add(entry);
        }
        return events;
    }

    private List<Map<String, Object>> queries(CompilationModel model) {
        List<Map<String, Object>> queries = new ArrayList<>();
        for (MessageModel query : model.messagesOfKind(MessageKind.QUERY)) {
            Optional<LensModel> lens = model.lenses().stream()
                    .filter(candidate -> candidate.query().equals(query.type())).findFirst();
            Map<String, Object> entry = message(query);
            entry.put("lens", lens.map(found -> className(found.type())).orElse(null));
            entry.put("scope", lens.flatMap(LensModel::scope).orElse(null));
            entry.put("answer", lens.map(found -> found.answer().getSimpleName().toString())
                    .or(() -> query.answer().map(FlowMapWriter::displayName)).orElse(null));
            queries.add(entry);
        }
        return queries;
    }

    private List<Map<String, Object>> perspectives(CompilationModel model) {
        List<Map<String, Object>> perspectives = new ArrayList<>();
        for (PerspectiveModel perspective : model.perspectives()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", perspective.name());
            entry.put("class", className(perspective.type()));
            entry.put("model", perspective.model().getSimpleName().toString());
            entry.put("handles", typeNames(model, events(perspective.handlers())));
            perspectives.add(entry);
        }
        return perspectives;
    }

    private List<Map<String, Object>> sagas(CompilationModel model) {
        List<Map<String, Object>> sagas = new ArrayList<>();
        for (SagaModel saga : model.sagas()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", saga.name());
            entry.put("class", className(saga.type()));
            entry.put("state", saga.state().getSimpleName().toString());
            entry.put("correlateBy", saga.correlateBy());
            entry.put("handles", typeNames(model, events(saga.handlers())));
            entry.put("sends", typeNames(model, saga.sends()));
            sagas.add(entry);
        }
        return sagas;
    }

    private static List<Map<String, Object>> snapshots(CompilationModel model) {
        List<Map<String, Object>> snapshots = new ArrayList<>();
        for (SnapshotModel snapshot : model.snapshots()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("state", snapshot.typeName());
            entry.put("every", snapshot.every());
            entry.put("schemaVersion", snapshot.schemaVersion());
            snapshots.add(entry);
        }
        return snapshots;
    }

    private static Map<String, Object> message(MessageModel message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", message.typeName());
        entry.put("schemaVersion", message.schemaVersion());
        return entry;
    }

    private static boolean handles(List<EventHandler> handlers, MessageModel event) {
        return handlers.stream().anyMatch(handler -> handler.event().equals(event.type()));
    }

    private static List<TypeElement> events(List<EventHandler> handlers) {
        return handlers.stream().map(EventHandler::event).toList();
    }

    private static List<String> typeNames(CompilationModel model, Collection<TypeElement> types) {
        return sorted(types.stream().map(model::typeName).toList());
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().distinct().toList();
    }

    private static String className(TypeElement type) {
        return type.getQualifiedName().toString();
    }

    /** A type as people write it: simple names, type arguments included, such as {@code List<OrderSummary>}. */
    private static String displayName(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return type.toString();
        }
        DeclaredType declared = (DeclaredType) type;
        String name = declared.asElement().getSimpleName().toString();
        if (declared.getTypeArguments().isEmpty()) {
            return name;
        }
        return name + declared.getTypeArguments().stream().map(FlowMapWriter::displayName)
                .collect(Collectors.joining(", ", "<", ">"));
    }
}
