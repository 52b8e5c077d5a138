package io.whizbang.health;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * Whether a service can do its work now, and if not, why.
 *
 * @param ready  whether it can
 * @param reason why it cannot, empty when ready
 */
public record Readiness(boolean ready, String reason) {
    /** Ready. */
    public static final Readiness READY = new Readiness(true, "");

    public Readiness {
        Objects.requireNonNull(reason, "reason");
    }

    /** Not ready, for the given reason. */
    public static Readiness notReady(String reason) {
        return new Readiness(false, reason);
    }

    /** {@code {"status":"READY"}}, or {@code {"status":"NOT_READY","reason":...}}. */
    public JsonObject toJson() {
        return ready ? new JsonObject().put("status", "READY")
                : new JsonObject().put("status", "NOT_READY").put("reason", reason);
    }
}
