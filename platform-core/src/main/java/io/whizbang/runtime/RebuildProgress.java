package io.whizbang.runtime;

import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonRead;

/**
 * How far the rebuild of a perspective has come: the new generation's position against the ledger's head.
 *
 * <p>JSON: {@code {"generation", "position", "head", "percent", "failure" (absent unless it failed)}}.
 *
 * @param generation the generation being built
 * @param position   the position it has committed
 * @param head       the ledger's head when measured
 * @param failure    why the rebuild stopped, or {@code null} while it runs
 */
public record RebuildProgress(int generation, long position, long head, String failure) {
    /** The share of the ledger rebuilt, 0 to 100. */
    public double percent() {
        return head <= 0 ? 100.0 : Math.min(100.0, 100.0 * position / head);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("generation", generation).put("position", position).put("head", head)
                .put("percent", percent());
        if (failure != null) {
            json.put("failure", failure);
        }
        return json;
    }

    public static RebuildProgress fromJson(JsonObject json) {
        return new RebuildProgress(JsonRead.required(json, "generation", JsonRead.INT),
                JsonRead.required(json, "position", JsonRead.LONG), JsonRead.required(json, "head", JsonRead.LONG),
                JsonRead.optional(json, "failure", JsonRead.STRING).orElse(null));
    }
}
