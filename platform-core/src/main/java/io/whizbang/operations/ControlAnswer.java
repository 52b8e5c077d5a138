package io.whizbang.operations;

import io.vertx.core.json.JsonObject;
import io.whizbang.error.ErrorCode;

import java.util.Objects;

/**
 * One service's answer to a control command.
 *
 * @param service  the service's name, such as {@code projections}
 * @param instance the id of the agent that answered, one per running service instance
 * @param outcome  what it did
 * @param code     the error code of a failure, else {@code null}
 * @param message  what happened, in words
 * @param detail   what the command produced (health statuses, a cache's size before clearing), possibly empty
 */
public record ControlAnswer(String service, String instance, ControlOutcome outcome, ErrorCode code, String message,
                            JsonObject detail) {
    public ControlAnswer {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        detail = detail == null ? new JsonObject() : detail;
        if (outcome == ControlOutcome.FAILED && code == null) {
            throw new IllegalArgumentException("a failed answer of " + service + " needs an error code");
        }
    }

    /** The answer as JSON. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("service", service).put("instance", instance)
                .put("outcome", outcome.wireName()).put("message", message).put("detail", detail);
        if (code != null) {
            json.put("code", code.name());
        }
        return json;
    }

    /** The answer of its JSON form. */
    public static ControlAnswer fromJson(JsonObject json) {
        String code = json.getString("code");
        return new ControlAnswer(json.getString("service", "unknown"), json.getString("instance", "unknown"),
                ControlOutcome.fromWire(json.getString("outcome", "")), code == null ? null : ErrorCode.valueOf(code),
                json.getString("message", ""), json.getJsonObject("detail"));
    }
}
