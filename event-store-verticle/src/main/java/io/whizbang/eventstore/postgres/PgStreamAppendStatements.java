package io.whizbang.eventstore.postgres;

/**
 * The statements of a lone append to one stream with no outbox or inbox rows (see migration V6): one plain statement
 * that moves the head row on by the event count, when the stream is at the expected version, and inserts the events
 * after it. Answers one row ({@code first}, the position before the events, and {@code version}, the stream's before
 * them), or no row and writes nothing when the stream is not at the expected version.
 *
 * <p>Parameters: {@code $1} tenant, {@code $2} stream, {@code $3} expected version (-1 for any), {@code $4} event
 * count, then the events, then, in the announcing variant, the notification's payload. Up to {@link #MAX_ROWS}
 * events (most commands) the events are a {@code VALUES} list of five parameters a row (id, type, schema version,
 * payload, metadata), one statement per count, which costs the server less than unnesting arrays (measured, one
 * event: 0.07 against 0.18 ms a statement); more events come as five arrays, unnested, which a large batch pays
 * little for.
 *
 * <p>The version read may be older than the head the statement waited for (a statement's snapshot is taken before
 * it waits), so a stream another node wrote meanwhile fails the insert on the unique (tenant, stream, version) key,
 * and a stream it seems not to be at the expected version answers no row: either way the caller runs the append
 * again through {@code append_events}, whose reads follow the lock.
 */
final class PgStreamAppendStatements {
    /** The most events written as a {@code VALUES} list. */
    static final int MAX_ROWS = 8;
    /** The parameters before the events: tenant, stream, expected version, event count. */
    private static final int STREAM_PARAMETERS = 4;
    /** The parameters of one event in a {@code VALUES} row, and of the five arrays. */
    private static final int EVENT_PARAMETERS = 5;

    /** Per event count up to {@link #MAX_ROWS}, then at index 0 for the arrays: plain and announcing statements. */
    private final String[] plain = new String[MAX_ROWS + 1];
    private final String[] announcing = new String[MAX_ROWS + 1];

    /** @param channel the channel the announcing statements notify */
    PgStreamAppendStatements(String schema, String channel) {
        for (int rows = 0; rows <= MAX_ROWS; rows++) {
            String written = written(schema, rows);
            // The arrays (rows 0) take the five parameters of one row.
            int announcement = STREAM_PARAMETERS + Math.max(1, rows) * EVENT_PARAMETERS + 1;
            plain[rows] = written + " SELECT head.first, head.version FROM head";
            announcing[rows] = written + ", announced AS (SELECT pg_notify('" + channel + "', $"
                    + announcement + "))"
                    + " SELECT head.first, head.version, (SELECT count(*) FROM announced) AS announced FROM head";
        }
    }

    /** Whether an append of this many events is written as rows of parameters, not arrays. */
    static boolean asRows(int events) {
        return events <= MAX_ROWS;
    }

    /** The statement for this many events; with a notification's payload as its last parameter when announcing. */
    String sql(int events, boolean announces) {
        int index = asRows(events) ? events : 0;
        return announces ? announcing[index] : plain[index];
    }

    /** The statement's text up to the result; {@code rows} 0 for the arrays. */
    private static String written(String schema, int rows) {
        String events = schema + ".events";
        return "WITH current AS (SELECT coalesce((SELECT e.version FROM " + events + " e"
                + " WHERE e.tenant = $1 AND e.stream = $2 ORDER BY e.version DESC LIMIT 1), 0) AS version),"
                + " head AS (UPDATE " + schema + ".head h SET position = h.position + $4 FROM current"
                + " WHERE h.id = 1 AND ($3 < 0 OR current.version = $3)"
                + " RETURNING h.position - $4 AS first, current.version AS version),"
                + " written AS (INSERT INTO " + events + " (position, tenant, stream, version, event_id, type,"
                + " schema_version, payload, metadata)"
                + " SELECT head.first + e.place, $1, $2, head.version + e.place, e.event_id, e.type, e.schema_version,"
                + " e.payload, e.metadata FROM head, " + source(rows) + ")";
    }

    private static String source(int rows) {
        if (rows == 0) {
            return "unnest($5::uuid[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[]) WITH ORDINALITY"
                    + " AS e(event_id, type, schema_version, payload, metadata, place)";
        }
        StringBuilder values = new StringBuilder("(VALUES ");
        for (int row = 0; row < rows; row++) {
            int p = 5 + row * 5;
            values.append(row == 0 ? "(" : ", (").append(row + 1)
                    .append(", $").append(p).append("::uuid, $").append(p + 1).append("::text, $").append(p + 2)
                    .append("::int, $").append(p + 3).append("::jsonb, $").append(p + 4).append("::jsonb)");
        }
        return values.append(") AS e(place, event_id, type, schema_version, payload, metadata)").toString();
    }
}
