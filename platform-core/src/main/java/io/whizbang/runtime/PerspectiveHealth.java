package io.whizbang.runtime;

import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonRead;

import java.util.Objects;

/**
 * The health of one perspective: where its live generation stands against the ledger, how fast it goes, what failed.
 *
 * <p>JSON, as {@code whizbang.projections.status} answers it: {@code {"perspective", "state", "healthy",
 * "generation", "position", "head", "lagEvents", "lagSeconds", "throughput", "errors", "parked", "inline",
 * "failure" (absent unless failed), "rebuild" (a {@link RebuildProgress}, absent unless rebuilding)}}.
 *
 * @param perspective the perspective's name
 * @param state       its condition
 * @param generation  the generation lenses read (0 until the first rebuild)
 * @param position    the global position of its last committed batch
 * @param head        the ledger's head when measured
 * @param lagEvents   events it has still to handle ({@code head - position})
 * @param lagSeconds  the age of the oldest event it has still to handle, 0 when it has none
 * @param throughput  events handled per second over the recent window
 * @param errors      handler failures since start (each failed try counts)
 * @param parked      dead letters waiting for an operator
 * @param inline      whether commands wait for it before they are answered
 * @param failure     why it stopped, or {@code null}
 * @param rebuild     the progress of a rebuild, or {@code null} when none runs
 */
public record PerspectiveHealth(String perspective, PerspectiveState state, int generation, long position, long head,
                                long lagEvents, double lagSeconds, double throughput, long errors, long parked,
                                boolean inline, String failure, RebuildProgress rebuild) {
    public PerspectiveHealth {
        Objects.requireNonNull(perspective, "perspective");
        Objects.requireNonNull(state, "state");
    }

    /** Whether the perspective is healthy: neither stalled nor failed. */
    public boolean healthy() {
        return state.healthy();
    }

    /** The plain status this health extends. */
    public PerspectiveStatus status() {
        return new PerspectiveStatus(perspective, position, failure);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("perspective", perspective).put("state", state.name())
                .put("healthy", healthy()).put("generation", generation).put("position", position).put("head", head)
                .put("lagEvents", lagEvents).put("lagSeconds", lagSeconds).put("throughput", throughput)
                .put("errors", errors).put("parked", parked).put("inline", inline);
        if (failure != null) {
            json.put("failure", failure);
        }
        if (rebuild != null) {
            json.put("rebuild", rebuild.toJson());
        }
        return json;
    }

    public static PerspectiveHealth fromJson(JsonObject json) {
        JsonObject rebuild = json.getJsonObject("rebuild");
        return new PerspectiveHealth(JsonRead.required(json, "perspective", JsonRead.STRING),
                PerspectiveState.valueOf(JsonRead.required(json, "state", JsonRead.STRING)),
                JsonRead.required(json, "generation", JsonRead.INT),
                JsonRead.required(json, "position", JsonRead.LONG), JsonRead.required(json, "head", JsonRead.LONG),
                JsonRead.required(json, "lagEvents", JsonRead.LONG),
                JsonRead.required(json, "lagSeconds", JsonRead.DOUBLE),
                JsonRead.required(json, "throughput", JsonRead.DOUBLE),
                JsonRead.required(json, "errors", JsonRead.LONG), JsonRead.required(json, "parked", JsonRead.LONG),
                JsonRead.required(json, "inline", JsonRead.BOOLEAN),
                JsonRead.optional(json, "failure", JsonRead.STRING).orElse(null),
                rebuild == null ? null : RebuildProgress.fromJson(rebuild));
    }
}
