package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The application's message-flow map that the annotation processor wrote: asked of the dispatcher over the event bus
 * ({@code <prefix>.flowmap}), else read from the configured classpath resource; empty when neither has one.
 */
final class FlowMap {
    private static final long TIMEOUT_MILLIS = 2000;

    private final Vertx vertx;
    private final String address;
    private final String resource;
    private volatile JsonObject known;

    FlowMap(Vertx vertx, String address, String resource) {
        this.vertx = vertx;
        this.address = address;
        this.resource = resource;
    }

    /** The map, asked for once and then remembered. */
    Future<Map> load() {
        if (known != null) {
            return Future.succeededFuture(new Map(known));
        }
        return vertx.eventBus().<JsonObject>request(address, new JsonObject(),
                        new DeliveryOptions().setSendTimeout(TIMEOUT_MILLIS))
                .map(reply -> reply.body())
                .otherwise(noDispatcher -> null)
                .map(json -> {
                    JsonObject map = json != null && !json.isEmpty() ? json : fromResource();
                    if (!map.isEmpty()) {
                        known = map;
                    }
                    return new Map(map);
                });
    }

    private JsonObject fromResource() {
        try (InputStream in = FlowMap.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? new JsonObject() : new JsonObject(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new JsonObject();
        }
    }

    /**
     * A loaded map.
     *
     * @param json the map as the processor wrote it
     */
    record Map(JsonObject json) {
        List<String> perspectivesOf(String eventType) {
            return strings(event(eventType), "perspectives");
        }

        List<String> sagasOf(String eventType) {
            return strings(event(eventType), "sagas");
        }

        /** The command type whose receptor emits the event type, or {@code null}. */
        String commandEmitting(String eventType) {
            for (Object item : json.getJsonArray("commands", new JsonArray())) {
                JsonObject command = (JsonObject) item;
                if (command.getJsonArray("emits", new JsonArray()).contains(eventType)) {
                    return command.getString("type");
                }
            }
            return null;
        }

        private JsonObject event(String type) {
            for (Object item : json.getJsonArray("events", new JsonArray())) {
                if (type.equals(((JsonObject) item).getString("type"))) {
                    return (JsonObject) item;
                }
            }
            return new JsonObject();
        }

        private static List<String> strings(JsonObject json, String field) {
            return json.getJsonArray(field, new JsonArray()).stream().map(String::valueOf).toList();
        }
    }
}
