package io.whizbang.eventstore.sqlite;

import io.vertx.core.json.JsonObject;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The events in the rows of a query selecting {@link #EVENT_COLUMNS}, in their order; the payloads and metadata
     * of them all are decoded together once every row is read.
     */
    static List<RecordedEvent> events(ResultSet rows) throws SQLException {
        List<Row> read = new ArrayList<>();
        JsonPage json = new JsonPage();
        Row previous = null;
        while (rows.next()) {
            // a value equal to the row before's is kept once: the events of a page live until they are handled
            String tenant = same(rows.getString(2), previous == null ? null : previous.tenant);
            StreamId stream = StreamId.parse(rows.getString(3));
            String type = same(rows.getString(6), previous == null ? null : previous.type);
            Instant at = instant(rows.getLong(10));
            Instant recorded = previous != null && previous.recordedAt.equals(at) ? previous.recordedAt : at;
            previous = new Row(rows.getLong(1), tenant, stream, rows.getLong(4), UUID.fromString(rows.getString(5)),
                    type, rows.getInt(7), recorded);
            read.add(previous);
            json.add(rows.getBytes(8));
            json.add(rows.getBytes(9));
        }
        List<JsonObject> objects = json.decode();
        List<RecordedEvent> events = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            Row row = read.get(i);
            events.add(new RecordedEvent(row.position, row.tenant, row.stream, row.version, row.eventId, row.type,
                    row.schemaVersion, objects.get(2 * i), objects.get(2 * i + 1), row.recordedAt));
        }
        return events;
    }

    private static String same(String value, String before) {
        return value != null && value.equals(before) ? before : value;
    }

    /** The instant as microseconds since the epoch. */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /** The instant of microseconds since the epoch. */
    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** The columns of an event row but its JSON, until the JSON of the page is decoded. */
    private record Row(long position, String tenant, StreamId stream, long version, UUID eventId, String type,
                       int schemaVersion, Instant recordedAt) {
    }
}
