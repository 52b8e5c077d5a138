package io.whizbang.projection;

import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonRead;

import java.time.Instant;
import java.util.Objects;

/**
 * An event a perspective could not handle, parked after its retries so the perspective could move on.
 *
 * <p>Its JSON shape, as the projections' control addresses answer it: {@code {"perspective", "tenant", "position",
 * "stream", "version", "type", "error", "attempts", "parkedAt" (ISO-8601), "status" (PARKED | RETRIED | SKIPPED),
 * "resolvedAt" (ISO-8601, absent while parked)}}.
 *
 * @param perspective the perspective that failed on it
 * @param tenant      the event's tenant
 * @param position    the event's global position, the letter's key within the perspective
 * @param stream      the event's stream, written {@code Category-id}
 * @param version     the event's version in its stream
 * @param type        the event's type name
 * @param error       what the last failing attempt threw
 * @param attempts    how many times the handler failed on it
 * @param parkedAt    when it was (last) parked
 * @param status      whether it waits, was handled by a retry, or was skipped
 * @param resolvedAt  when it was retried or skipped, {@code null} while parked
 */
public record DeadLetter(String perspective, String tenant, long position, String stream, long version, String type,
                         String error, int attempts, Instant parkedAt, Status status, Instant resolvedAt) {
    public DeadLetter {
        Objects.requireNonNull(perspective, "perspective");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(parkedAt, "parkedAt");
        Objects.requireNonNull(status, "status");
        if (position < 1) {
            throw new IllegalArgumentException("a dead letter's position starts at 1, was " + position);
        }
    }

    /** Where a dead letter stands. */
    public enum Status {
        /** Waiting for an operator: retry or skip. */
        PARKED,
        /** Handled by a retry, or by a rebuild that took over; its documents are committed. */
        RETRIED,
        /** Dropped by an operator; the perspective never applied it. */
        SKIPPED
    }

    /** A new parked letter. */
    public static DeadLetter parked(String perspective, String tenant, long position, String stream, long version,
                                    String type, String error, int attempts, Instant parkedAt) {
        return new DeadLetter(perspective, tenant, position, stream, version, type, error, attempts, parkedAt,
                Status.PARKED, null);
    }

    /** Whether it still waits for an operator. */
    public boolean isParked() {
        return status == Status.PARKED;
    }

    /** This letter resolved with the status at the time. */
    public DeadLetter resolved(Status outcome, Instant at) {
        return new DeadLetter(perspective, tenant, position, stream, version, type, error, attempts, parkedAt, outcome,
                Objects.requireNonNull(at, "at"));
    }

    /** This letter after one more failed attempt. */
    public DeadLetter failedAgain(String newError, Instant at) {
        return new DeadLetter(perspective, tenant, position, stream, version, type, newError, attempts + 1, at,
                Status.PARKED, null);
    }

    /** The letter as JSON, in the shape above. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("perspective", perspective).put("tenant", tenant)
                .put("position", position).put("stream", stream).put("version", version).put("type", type)
                .put("error", error).put("attempts", attempts).put("parkedAt", parkedAt.toString())
                .put("status", status.name());
        if (resolvedAt != null) {
            json.put("resolvedAt", resolvedAt.toString());
        }
        return json;
    }

    /** The letter a JSON object of the shape above stands for; {@code INVALID_ARGUMENT} when it is not one. */
    public static DeadLetter fromJson(JsonObject json) {
        return new DeadLetter(JsonRead.required(json, "perspective", JsonRead.STRING),
                JsonRead.required(json, "tenant", JsonRead.STRING),
                JsonRead.required(json, "position", JsonRead.LONG),
                JsonRead.required(json, "stream", JsonRead.STRING),
                JsonRead.required(json, "version", JsonRead.LONG),
                JsonRead.required(json, "type", JsonRead.STRING),
                JsonRead.required(json, "error", JsonRead.STRING),
                JsonRead.required(json, "attempts", JsonRead.INT),
                JsonRead.required(json, "parkedAt", JsonRead.INSTANT),
                Status.valueOf(JsonRead.required(json, "status", JsonRead.STRING)),
                JsonRead.optional(json, "resolvedAt", JsonRead.INSTANT).orElse(null));
    }
}
