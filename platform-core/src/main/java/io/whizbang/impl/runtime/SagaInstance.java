package io.whizbang.impl.runtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.projection.Document;

import java.time.Instant;

/**
 * A saga instance as stored: its state's JSON, its deadline, whether it completed, and the commands of its last
 * step that are not known to be sent yet (their envelopes as JSON, ids included, so a resend is the same message).
 *
 * @param state     the state as JSON, or null for a new instance
 * @param deadline  the pending deadline, or null
 * @param completed whether the instance is over
 * @param pending   the envelopes of commands still to send
 */
record SagaInstance(JsonObject state, Instant deadline, boolean completed, JsonArray pending) {
    static SagaInstance from(Document document) {
        if (document == null) {
            return new SagaInstance(null, null, false, new JsonArray());
        }
        JsonObject json = document.json();
        String deadline = json.getString("deadline");
        return new SagaInstance(json.getJsonObject("state"), deadline == null ? null : Instant.parse(deadline),
                json.getBoolean("completed", false), json.getJsonArray("pending", new JsonArray()));
    }

    static JsonObject encode(JsonObject state, Instant deadline, boolean completed, JsonArray pending) {
        JsonObject json = new JsonObject().put("state", state).put("completed", completed);
        if (deadline != null) {
            json.put("deadline", deadline.toString());
        }
        if (!pending.isEmpty()) {
            json.put("pending", pending);
        }
        return json;
    }

    /** The same instance with its commands sent. */
    JsonObject encodeSent() {
        return encode(state, deadline, completed, new JsonArray());
    }
}
