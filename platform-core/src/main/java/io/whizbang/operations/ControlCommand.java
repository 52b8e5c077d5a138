package io.whizbang.operations;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * One control command as it is broadcast: its id, its kind, its arguments and how long its sender waits for answers.
 *
 * @param id             the command's id, which also names the address answers go to
 * @param kind           what to do
 * @param arguments      the kind's arguments
 * @param deadlineMillis how long the sender gathers answers; an agent gives up on work that would take longer
 */
public record ControlCommand(String id, ControlKind kind, JsonObject arguments, long deadlineMillis) {
    public ControlCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        arguments = arguments == null ? new JsonObject() : arguments.copy();
        if (deadlineMillis < 1) {
            throw new IllegalArgumentException("deadlineMillis must be positive, was " + deadlineMillis);
        }
    }

    /** The command as JSON. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("kind", kind.wireName()).put("arguments", arguments.copy())
                .put("deadlineMillis", deadlineMillis);
    }

    /** The command of its JSON form. */
    public static ControlCommand fromJson(JsonObject json) {
        return new ControlCommand(json.getString("id"), ControlKind.fromWire(json.getString("kind", "")),
                json.getJsonObject("arguments"), json.getLong("deadlineMillis", 1000L));
    }
}
