package io.whizbang.impl.dispatch;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.dispatch.Receipt;
import io.whizbang.ledger.StreamId;

import java.util.UUID;

/**
 * The JSON form of a receipt on the event bus.
 */
public final class ReceiptJson {
    private ReceiptJson() {
    }

    public static JsonObject encode(Receipt receipt) {
        return new JsonObject().put("commandId", receipt.commandId().toString())
                .put("correlationId", receipt.correlationId().toString())
                .put("tenant", receipt.tenant())
                .put("stream", receipt.stream().value())
                .put("version", receipt.version())
                .put("position", receipt.position())
                .put("eventIds", new JsonArray(receipt.eventIds().stream().map(UUID::toString).toList()));
    }

    public static Receipt decode(JsonObject json) {
        return new Receipt(UUID.fromString(json.getString("commandId")),
                UUID.fromString(json.getString("correlationId")), json.getString("tenant"),
                StreamId.parse(json.getString("stream")), json.getLong("version"), json.getLong("position"),
                json.getJsonArray("eventIds").stream().map(id -> UUID.fromString(id.toString())).toList());
    }
}
