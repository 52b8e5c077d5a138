package io.whizbang.control;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.metrics.CommandHandled;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Draws one journey as a tree: the request at the root, each command under the event that caused it (or under the
 * request), each event under its command, and under each event the perspectives and sagas that consume it, a saga
 * holding the commands it sent.
 */
final class JourneyTree {
    private JourneyTree() {
    }

    static JsonObject build(UUID correlationId, List<CommandHandled> commands, List<RecordedEvent> events,
                            FlowMap.Map map) {
        Map<String, JsonObject> nodes = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        for (CommandHandled command : commands) {
            JsonObject node = node("command", command.messageId().toString(), command.type(),
                    command.receivedAt().toString()).put("tenant", command.tenant()).put("subject", command.subject())
                    .put("durationMs", command.nanos() / 1_000_000.0);
            if (command.failure() != null) {
                node.put("failure", new JsonObject().put("code", command.failure().name())
                        .put("detail", command.failureText()));
            }
            nodes.put(command.messageId().toString(), node);
            if (command.causationId() != null) {
                parents.put(command.messageId().toString(), command.causationId().toString());
            }
        }
        for (RecordedEvent event : events) {
            String id = event.eventId().toString();
            nodes.put(id, node("event", id, event.type(), event.timestamp().toString()).put("tenant", event.tenant())
                    .put("stream", event.stream().value()).put("version", event.version())
                    .put("position", event.position()));
            String causation = event.metadata().getString("causationId");
            if (causation != null) {
                parents.put(id, causation);
                nodes.computeIfAbsent(causation, missing -> {
                    String type = map.commandEmitting(event.type());
                    return node("command", missing, type == null ? "command" : type, event.timestamp().toString())
                            .put("tenant", event.tenant()).put("note", "not in this JVM's command journal");
                });
            }
        }
        JsonObject root = node("request", correlationId.toString(), "request", null);
        Map<String, JsonObject> sagaLeaves = new HashMap<>();
        for (RecordedEvent event : events) {
            JsonObject eventNode = nodes.get(event.eventId().toString());
            for (String perspective : map.perspectivesOf(event.type())) {
                children(eventNode).add(node("perspective", perspective, perspective, null));
            }
            for (String saga : map.sagasOf(event.type())) {
                JsonObject leaf = node("saga", saga, saga, null);
                children(eventNode).add(leaf);
                sagaLeaves.putIfAbsent(event.eventId().toString(), leaf);
            }
        }
        List<JsonObject> ordered = new ArrayList<>(nodes.values());
        ordered.sort(Comparator.comparing(node -> node.getString("at", "")));
        for (JsonObject node : ordered) {
            String parentId = parents.get(node.getString("id"));
            JsonObject parent = parentId == null ? null : sagaLeaves.getOrDefault(parentId, nodes.get(parentId));
            children(parent == null ? root : parent).add(node);
        }
        if (!ordered.isEmpty()) {
            root.put("at", ordered.get(0).getString("at"));
        }
        return root;
    }

    private static JsonObject node(String kind, String id, String type, String at) {
        JsonObject node = new JsonObject().put("kind", kind).put("id", id).put("type", type)
                .put("children", new JsonArray());
        return at == null ? node : node.put("at", at);
    }

    private static JsonArray children(JsonObject node) {
        return node.getJsonArray("children");
    }
}
