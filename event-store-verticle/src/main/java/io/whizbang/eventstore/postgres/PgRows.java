package io.whizbang.eventstore.postgres;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxRecord;

import java.time.OffsetDateTime;

/**
 * Reads the driver's rows into the ledger's records.
 */
final class PgRows {
    private PgRows() {
    }

    /**
     * An event row ({@code position, tenant, stream, version, event_id, type, schema_version, payload, metadata,
     * recorded_at}).
     */
    static RecordedEvent event(Row row) {
        return new RecordedEvent(row.getLong("position"), row.getString("tenant"),
                StreamId.parse(row.getString("stream")), row.getLong("version"), row.getUUID("event_id"),
                row.getString("type"), row.getInteger("schema_version"), json(row, "payload"),
                json(row, "metadata"), row.getOffsetDateTime("recorded_at").toInstant());
    }

    /** An outbox row. */
    static OutboxRecord outbox(Row row) {
        OutboxMessage message = new OutboxMessage(row.getUUID("message_id"), row.getString("tenant"),
                row.getString("destination"), row.getString("key"), json(row, "payload"), json(row, "headers"));
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        return new OutboxRecord(row.getLong("sequence"), message, created.toInstant());
    }

    /** A JSON object column; the driver writes only objects there. */
    static JsonObject json(Row row, String column) {
        Object value = row.getValue(column);
        return value instanceof JsonObject object ? object : new JsonObject(String.valueOf(value));
    }
}
