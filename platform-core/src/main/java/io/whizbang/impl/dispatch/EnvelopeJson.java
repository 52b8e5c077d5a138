package io.whizbang.impl.dispatch;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.JsonRead;
import io.whizbang.error.ValidationException;
import io.whizbang.message.Envelope;
import io.whizbang.message.MessageType;
import io.whizbang.security.Principal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON form of an envelope on the event bus, so that a message crosses JVMs in a cluster unchanged.
 */
public final class EnvelopeJson {
    private final Codecs codecs;

    public EnvelopeJson(Codecs codecs) {
        this.codecs = codecs;
    }

    /** The envelope as JSON, its payload through the generated codec. */
    public JsonObject encode(Envelope<?> envelope) {
        Principal principal = envelope.principal();
        JsonObject json = new JsonObject()
                .put("messageId", envelope.messageId().toString())
                .put("correlationId", envelope.correlationId().toString())
                .put("tenant", envelope.tenant())
                .put("principal", new JsonObject().put("subject", principal.subject())
                        .put("tenant", principal.tenant())
                        .put("scopes", new JsonArray(principal.scopes().stream().sorted().toList())))
                .put("timestamp", envelope.timestamp().toString())
                .put("type", envelope.type().name())
                .put("schemaVersion", envelope.type().schemaVersion())
                .put("payload", codecs.encode(envelope.payload()));
        if (envelope.causationId() != null) {
            json.put("causationId", envelope.causationId().toString());
        }
        if (envelope.traceparent() != null) {
            json.put("traceparent", envelope.traceparent());
        }
        return json;
    }

    /**
     * The envelope the JSON stands for; {@code INVALID_ARGUMENT} naming the field for anything malformed, an unknown
     * message type included.
     */
    public Envelope<Object> decode(JsonObject json) {
        UUID messageId = JsonRead.required(json, "messageId", JsonRead.UUID_VALUE);
        UUID correlationId = JsonRead.required(json, "correlationId", JsonRead.UUID_VALUE);
        UUID causationId = JsonRead.optional(json, "causationId", JsonRead.UUID_VALUE).orElse(null);
        String tenant = JsonRead.required(json, "tenant", JsonRead.STRING);
        Principal principal = JsonRead.required(json, "principal", JsonRead.record(EnvelopeJson::principal));
        String traceparent = JsonRead.optional(json, "traceparent", JsonRead.STRING).orElse(null);
        Instant timestamp = JsonRead.required(json, "timestamp", JsonRead.INSTANT);
        String type = JsonRead.required(json, "type", JsonRead.STRING);
        int version = JsonRead.required(json, "schemaVersion", JsonRead.INT);
        JsonObject payload = JsonRead.required(json, "payload", JsonRead.record(object -> object));
        if (tenant.isBlank()) {
            throw new ValidationException("tenant", "is required");
        }
        Object message;
        try {
            message = codecs.decode(type, version, payload);
        } catch (ValidationException e) {
            throw "type".equals(e.field()) || "schemaVersion".equals(e.field()) ? e : e.under("payload");
        }
        return new Envelope<>(messageId, correlationId, causationId, tenant, principal, traceparent, timestamp,
                new MessageType(type, codecs.typeOf(message).schemaVersion()), message);
    }

    private static Principal principal(JsonObject json) {
        String subject = JsonRead.required(json, "subject", JsonRead.STRING);
        String tenant = JsonRead.required(json, "tenant", JsonRead.STRING);
        Set<String> scopes = JsonRead.optional(json, "scopes", JsonRead.set(JsonRead.STRING)).orElse(Set.of());
        return JsonRead.construct(() -> new Principal(subject, tenant, scopes));
    }
}
