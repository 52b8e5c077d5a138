package io.whizbang.impl.ledger;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonRead;
import io.whizbang.ledger.Snapshot;
import io.whizbang.ledger.StreamId;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The JSON forms of outbox records and snapshots on the event bus.
 */
public final class StorageWire {
    private StorageWire() {
    }

    public static JsonObject encode(OutboxMessage message) {
        return new JsonObject().put("messageId", message.messageId().toString()).put("tenant", message.tenant())
                .put("destination", message.destination()).put("key", message.key())
                .put("payload", message.payload()).put("headers", message.headers());
    }

    public static OutboxMessage message(JsonObject json) {
        UUID id = JsonRead.required(json, "messageId", JsonRead.UUID_VALUE);
        String tenant = JsonRead.required(json, "tenant", JsonRead.STRING);
        String destination = JsonRead.required(json, "destination", JsonRead.STRING);
        String key = JsonRead.required(json, "key", JsonRead.STRING);
        JsonObject payload = JsonRead.required(json, "payload", JsonRead.record(object -> object));
        JsonObject headers = JsonRead.required(json, "headers", JsonRead.record(object -> object));
        return JsonRead.construct(() -> new OutboxMessage(id, tenant, destination, key, payload, headers));
    }

    public static JsonObject encodeRecords(List<OutboxRecord> records) {
        JsonArray items = new JsonArray();
        records.forEach(record -> items.add(new JsonObject().put("sequence", record.sequence())
                .put("message", encode(record.message())).put("createdAt", record.createdAt().toString())));
        return new JsonObject().put("records", items);
    }

    public static List<OutboxRecord> records(JsonObject json) {
        return JsonRead.required(json, "records", JsonRead.list(JsonRead.record(item -> new OutboxRecord(
                JsonRead.required(item, "sequence", JsonRead.LONG),
                JsonRead.required(item, "message", JsonRead.record(StorageWire::message)),
                JsonRead.required(item, "createdAt", JsonRead.INSTANT)))));
    }

    public static JsonObject encode(Snapshot snapshot) {
        return new JsonObject().put("tenant", snapshot.tenant()).put("stream", snapshot.stream().value())
                .put("version", snapshot.version()).put("stateType", snapshot.stateType())
                .put("schemaVersion", snapshot.schemaVersion()).put("state", snapshot.state())
                .put("takenAt", snapshot.takenAt().toString());
    }

    public static Snapshot snapshot(JsonObject json) {
        String tenant = JsonRead.required(json, "tenant", JsonRead.STRING);
        String stream = JsonRead.required(json, "stream", JsonRead.STRING);
        long version = JsonRead.required(json, "version", JsonRead.LONG);
        String type = JsonRead.required(json, "stateType", JsonRead.STRING);
        int schema = JsonRead.required(json, "schemaVersion", JsonRead.INT);
        JsonObject state = JsonRead.required(json, "state", JsonRead.record(object -> object));
        Instant takenAt = JsonRead.required(json, "takenAt", JsonRead.INSTANT);
        return JsonRead.construct(() -> new Snapshot(tenant, StreamId.parse(stream), version, type, schema, state,
                takenAt));
    }
}
