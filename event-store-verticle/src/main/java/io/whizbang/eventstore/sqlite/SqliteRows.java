package io.whizbang.eventstore.sqlite;

import io.vertx.core.json.JsonObject;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * How values are kept in the tables: times as microseconds since the epoch, JSON as text, ids as text.
 */
final class SqliteRows {
    /** The columns {@link #event} reads, in its order. */
    static final String EVENT_COLUMNS =
            "position, tenant, stream, version, event_id, type, schema_version, payload, metadata, recorded_at";

    private SqliteRows() {
    }

    /** The event in the current row of a query selecting {@link #EVENT_COLUMNS}. */
    static RecordedEvent event(ResultSet row) throws SQLException {
        return new RecordedEvent(row.getLong(1), row.getString(2), StreamId.parse(row.getString(3)), row.getLong(4),
                UUID.fromString(row.getString(5)), row.getString(6), row.getInt(7), new JsonObject(row.getString(8)),
                new JsonObject(row.getString(9)), instant(row.getLong(10)));
    }

    /** The instant as microseconds since the epoch. */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /** The instant of microseconds since the epoch. */
    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
