package io.whizbang.impl.runtime;

import io.vertx.core.json.JsonObject;
import io.whizbang.projection.Document;

import java.time.Instant;

/**
 * A saga instance as stored: its state's JSON, its deadline and whether it completed.
 *
 * @param state     the state as JSON, or null for a new instance
 * @param deadline  the pending deadline, or null
 * @param completed whether the instance is over
 */
record SagaInstance(JsonObject state, Instant deadline, boolean completed) {
    static SagaInstance from(Document document) {
        if (document == null) {
            return new SagaInstance(null, null, false);
        }
        JsonObject json = document.json();
        String deadline = json.getString("deadline");
        return new SagaInstance(json.getJsonObject("state"), deadline == null ? null : Instant.parse(deadline),
                json.getBoolean("completed", false));
    }

    static JsonObject encode(JsonObject state, Instant deadline, boolean completed) {
        JsonObject json = new JsonObject().put("state", state).put("completed", completed);
        if (deadline != null) {
            json.put("deadline", deadline.toString());
        }
        return json;
    }
}
