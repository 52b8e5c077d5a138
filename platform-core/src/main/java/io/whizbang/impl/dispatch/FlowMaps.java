package io.whizbang.impl.dispatch;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The message-flow map of a registry as one JSON object: a registry combined with {@code Registry.with} holds its
 * parts' maps as a JSON array, whose sections (commands, events, perspectives, sagas, snapshots) are concatenated.
 */
public final class FlowMaps {
    private FlowMaps() {
    }

    /** The map as one object; empty when there is none or it is not JSON. */
    public static JsonObject merged(String flowMap) {
        if (flowMap == null || flowMap.isBlank()) {
            return new JsonObject();
        }
        try {
            return merge(Json.decodeValue(flowMap));
        } catch (RuntimeException unreadable) {
            return new JsonObject();
        }
    }

    private static JsonObject merge(Object value) {
        if (value instanceof JsonObject object) {
            return object;
        }
        JsonObject merged = new JsonObject();
        if (value instanceof JsonArray parts) {
            for (Object part : parts) {
                JsonObject map = merge(part);
                for (String key : map.fieldNames()) {
                    Object field = map.getValue(key);
                    if (field instanceof JsonArray items) {
                        JsonArray all = merged.getJsonArray(key, new JsonArray());
                        all.addAll(items);
                        merged.put(key, all);
                    } else if (field instanceof String text && merged.getValue(key) instanceof String before) {
                        merged.put(key, before + "+" + text);
                    } else if (!merged.containsKey(key)) {
                        merged.put(key, field);
                    }
                }
            }
        }
        return merged;
    }
}
