package io.whizbang.impl.ledger;

import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonRead;
import io.whizbang.ledger.StreamId;

/**
 * The read requests of the ledger's event-bus protocol, as JSON and back.
 */
public final class LedgerReads {
    private LedgerReads() {
    }

    /**
     * A request to read one stream.
     *
     * @param tenant      the stream's tenant
     * @param stream      the stream
     * @param fromVersion the first version to read
     * @param maxCount    the most events to read
     */
    public record ReadStream(String tenant, StreamId stream, long fromVersion, int maxCount) {
        /** The request the JSON stands for; {@code INVALID_ARGUMENT} naming the field when malformed. */
        public static ReadStream fromJson(JsonObject json) {
            return new ReadStream(JsonRead.required(json, "tenant", JsonRead.STRING),
                    JsonRead.required(json, "stream", LedgerWire.STREAM_ID),
                    JsonRead.required(json, "fromVersion", JsonRead.LONG),
                    JsonRead.required(json, "maxCount", JsonRead.INT));
        }

        /** The request as JSON. */
        public JsonObject toJson() {
            return new JsonObject().put("tenant", tenant).put("stream", stream.value())
                    .put("fromVersion", fromVersion).put("maxCount", maxCount);
        }
    }

    /**
     * A request to read every tenant's events after a global position.
     *
     * @param afterPosition the position to read after
     * @param maxCount      the most events to read
     */
    public record ReadAll(long afterPosition, int maxCount) {
        /** The request the JSON stands for; {@code INVALID_ARGUMENT} naming the field when malformed. */
        public static ReadAll fromJson(JsonObject json) {
            return new ReadAll(JsonRead.required(json, "afterPosition", JsonRead.LONG),
                    JsonRead.required(json, "maxCount", JsonRead.INT));
        }

        /** The request as JSON. */
        public JsonObject toJson() {
            return new JsonObject().put("afterPosition", afterPosition).put("maxCount", maxCount);
        }
    }
}
