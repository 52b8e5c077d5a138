package io.whizbang.ledger;

import io.vertx.core.json.JsonObject;

/**
 * Options common to every ledger driver.
 */
public class LedgerOptions {
    /** Default largest encoded event: 1 MiB. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

    private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;

    public LedgerOptions() {
    }

    public LedgerOptions(JsonObject json) {
        this.maxEventBytes = json.getInteger("maxEventBytes", DEFAULT_MAX_EVENT_BYTES);
        setMaxEventBytes(maxEventBytes);
    }

    /** The largest payload plus metadata of one event, in bytes of JSON. */
    public int getMaxEventBytes() {
        return maxEventBytes;
    }

    /** Sets the largest event; at least 1 KiB. */
    public LedgerOptions setMaxEventBytes(int maxEventBytes) {
        if (maxEventBytes < 1024) {
            throw new IllegalArgumentException("maxEventBytes must be at least 1024, was " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
        return this;
    }

    public JsonObject toJson() {
        return new JsonObject().put("maxEventBytes", maxEventBytes);
    }
}
