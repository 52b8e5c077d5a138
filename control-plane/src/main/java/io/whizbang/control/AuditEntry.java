package io.whizbang.control;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited control command: who ordered what, when, and what came of it.
 *
 * @param sequence its place in the log, from 1
 * @param at       when it was ordered
 * @param subject  the administrator's subject
 * @param tenant   the administrator's tenant
 * @param kind     the command's wire name, such as {@code set-flag}
 * @param target   what it acted on (a logger, flag, cache or perspective name), or empty
 * @param status   {@code ok}, {@code partial}, {@code failed} or {@code refused} (coded error before broadcasting)
 * @param result   the {@link ControlResult} JSON, or the refusal's problem
 */
record AuditEntry(long sequence, Instant at, String subject, String tenant, String kind, String target,
                  String status, JsonObject result) {
    AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
    }

    JsonObject toJson() {
        return new JsonObject().put("sequence", sequence).put("at", at.toString()).put("subject", subject)
                .put("tenant", tenant).put("kind", kind).put("target", target).put("status", status)
                .put("result", result);
    }

    static AuditEntry fromJson(JsonObject json) {
        return new AuditEntry(json.getLong("sequence"), Instant.parse(json.getString("at")),
                json.getString("subject"), json.getString("tenant"), json.getString("kind"),
                json.getString("target", ""), json.getString("status"), json.getJsonObject("result",
                new JsonObject()));
    }
}
