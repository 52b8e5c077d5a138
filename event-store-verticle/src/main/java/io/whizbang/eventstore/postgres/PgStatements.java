package io.whizbang.eventstore.postgres;

/**
 * The SQL the driver runs, written once for the configured schema (a checked lower-case identifier, so it is spliced
 * in without quoting).
 */
final class PgStatements {
    private static final String EVENT_COLUMNS = "position, tenant, stream, version, event_id, type, schema_version,"
            + " payload, metadata, recorded_at";

    /**
     * Checks every stream's expected version and, only when all match, writes the events and the outbox rows: one
     * statement, so one atomic implicit transaction and one round trip. Versions continue from each stream's current
     * one; the rows are inserted in the order given, so their provisional order is the append's order. Answers
     * whether the expectations matched and each stream's version before the append. Two writers that race past the
     * check collide on the (tenant, stream, version) key and the loser runs the statement again.
     *
     * <p>Unless it writes outbox rows, the statement's own commit does not wait for the disk: the append is
     * acknowledged only after {@link #sequenceEvent} returned, whose commit does wait and, the log being sequential,
     * flushes this one too; and when another session positioned the events instead, its commit was flushed before
     * the positions became visible. Readers do not see the events before that either: {@link #readAll} wants a
     * position and a stream read sequences what it finds unsequenced. So one disk flush per append, as for a plain
     * insert. An append with outbox rows commits synchronously, because the relay reads those rows directly and must
     * never publish one that a crash could still take back.
     *
     * <p>Parameters: streams as tenants, names and expected versions (-1 for any); events as the 1-based index of
     * their stream, their 1-based place in it, ids, types, schema versions, payloads and metadata; outbox rows as
     * message ids, tenants, destinations, keys, payloads and headers.
     */
    final String append;
    /**
     * {@link #append} that also records an incoming message in the inbox ($17 its id, $18 its tenant), in the same
     * statement; a message already there fails the whole statement on {@code inbox_message_id_key}.
     */
    final String appendReceived;
    /** Records an incoming message handled with no events; answers a row when it was recorded now. */
    final String markHandled;
    /** Whether the inbox holds a message. */
    final String handled;
    /** The position of a committed event, sequencing it first when needed; null when the event is not stored. */
    final String sequenceEvent;
    /** One background sequencer run: the number of events positioned, or -1 when another run holds the lock. */
    final String sequencePending;
    /** The stored events among some ids, with their place. */
    final String storedEvents;
    /** A stream's version and a page of its events from a version on; one row with null event columns if none. */
    final String readStream;
    /** A page of the global order after a position. */
    final String readAll;
    /** The last position. */
    final String head;
    /** A stream's version and the times of its first and last events; no row when it does not exist. */
    final String streamInfo;
    /** Which of some outbox message ids are stored already. */
    final String storedMessages;
    /** Pending outbox rows, oldest first. */
    final String pendingOutbox;
    /** Marks outbox rows published, once. */
    final String markPublished;
    /** Reads a stream's snapshot. */
    final String loadSnapshot;
    /** Saves a snapshot unless the stored one is as new or newer. */
    final String saveSnapshot;

    PgStatements(String schema, boolean notifyOnAppend) {
        String events = schema + ".events";
        append = append(schema, notifyOnAppend, false);
        appendReceived = append(schema, notifyOnAppend, true);
        markHandled = "INSERT INTO " + schema + ".inbox (message_id, tenant) VALUES ($1, $2)"
                + " ON CONFLICT (message_id) DO NOTHING RETURNING 1";
        handled = "SELECT 1 FROM " + schema + ".inbox WHERE message_id = $1";
        sequenceEvent = "SELECT " + schema + ".sequence_event($1, $2) AS position";
        sequencePending = "SELECT " + schema + ".sequence_pending($1) AS positioned";
        storedEvents = "SELECT event_id, tenant, stream, version, position FROM " + events
                + " WHERE event_id = ANY($1::uuid[])";
        readStream = "SELECT h.stream_version, e.* FROM"
                + " (SELECT coalesce(max(version), 0) AS stream_version FROM " + events
                + " WHERE tenant = $1 AND stream = $2) h"
                + " LEFT JOIN LATERAL (SELECT " + EVENT_COLUMNS + " FROM " + events
                + " WHERE tenant = $1 AND stream = $2 AND version >= $3 ORDER BY version LIMIT $4) e ON true";
        readAll = "SELECT " + EVENT_COLUMNS + " FROM " + events
                + " WHERE position > $1 ORDER BY position LIMIT $2";
        head = "SELECT coalesce(max(position), 0) AS head FROM " + events;
        streamInfo = "SELECT l.version, f.recorded_at AS created_at, l.recorded_at AS updated_at FROM"
                + " (SELECT version, recorded_at FROM " + events + " WHERE tenant = $1 AND stream = $2"
                + " ORDER BY version DESC LIMIT 1) l,"
                + " (SELECT recorded_at FROM " + events + " WHERE tenant = $1 AND stream = $2"
                + " ORDER BY version LIMIT 1) f";
        storedMessages = "SELECT message_id FROM " + schema + ".outbox WHERE message_id = ANY($1::uuid[])";
        pendingOutbox = "SELECT sequence, message_id, tenant, destination, key, payload, headers, created_at FROM "
                + schema + ".outbox WHERE published_at IS NULL ORDER BY sequence LIMIT $1";
        markPublished = "UPDATE " + schema + ".outbox SET published_at = now()"
                + " WHERE sequence = ANY($1::bigint[]) AND published_at IS NULL";
        loadSnapshot = "SELECT version, state_type, schema_version, state, taken_at FROM " + schema + ".snapshots"
                + " WHERE tenant = $1 AND stream = $2";
        saveSnapshot = "INSERT INTO " + schema + ".snapshots"
                + " (tenant, stream, version, state_type, schema_version, state, taken_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7)"
                + " ON CONFLICT (tenant, stream) DO UPDATE SET version = excluded.version,"
                + " state_type = excluded.state_type, schema_version = excluded.schema_version,"
                + " state = excluded.state, taken_at = excluded.taken_at"
                + " WHERE " + schema + ".snapshots.version < excluded.version";
    }

    private static String append(String schema, boolean notifyOnAppend, boolean inbox) {
        String events = schema + ".events";
        return "WITH target AS ("
                + " SELECT t.idx, t.tenant, t.stream, t.expected,"
                + " coalesce((SELECT max(e.version) FROM " + events + " e"
                + " WHERE e.tenant = t.tenant AND e.stream = t.stream), 0) AS current"
                + " FROM unnest($1::text[], $2::text[], $3::bigint[])"
                + " WITH ORDINALITY AS t(tenant, stream, expected, idx)"
                + "), verdict AS ("
                + " SELECT bool_and(t.expected < 0 OR t.expected = t.current) AS ok FROM target t"
                + "), written AS ("
                + " INSERT INTO " + events
                + " (tenant, stream, version, event_id, type, schema_version, payload, metadata)"
                + " SELECT t.tenant, t.stream, t.current + e.place, e.event_id, e.type, e.schema_version, e.payload,"
                + " e.metadata"
                + " FROM unnest($4::int[], $5::bigint[], $6::uuid[], $7::text[], $8::int[], $9::jsonb[], $10::jsonb[])"
                + " WITH ORDINALITY AS e(idx, place, event_id, type, schema_version, payload, metadata, ord)"
                + " JOIN target t ON t.idx = e.idx"
                + " WHERE (SELECT ok FROM verdict)"
                + " ORDER BY e.ord"
                + " RETURNING 1"
                + "), sent AS ("
                + " INSERT INTO " + schema + ".outbox (message_id, tenant, destination, key, payload, headers)"
                + " SELECT o.message_id, o.tenant, o.destination, o.key, o.payload, o.headers"
                + " FROM unnest($11::uuid[], $12::text[], $13::text[], $14::text[], $15::jsonb[], $16::jsonb[])"
                + " WITH ORDINALITY AS o(message_id, tenant, destination, key, payload, headers, ord)"
                + " WHERE (SELECT ok FROM verdict)"
                + " ORDER BY o.ord"
                + " RETURNING 1"
                + (inbox ? "), inboxed AS (INSERT INTO " + schema + ".inbox (message_id, tenant)"
                        + " SELECT $17::uuid, $18::text WHERE (SELECT ok FROM verdict) RETURNING 1" : "")
                + (notifyOnAppend ? "), notified AS (SELECT pg_notify('" + schema + "_appended', '') FROM verdict"
                        + " WHERE ok" : "")
                + ")"
                + " SELECT (SELECT ok FROM verdict) AS ok, array_agg(t.current ORDER BY t.idx) AS versions,"
                + " CASE WHEN cardinality($11::uuid[]) = 0 THEN set_config('synchronous_commit', 'off', true)"
                + " END AS commit_mode,"
                + " (SELECT count(*) FROM written) AS written, (SELECT count(*) FROM sent) AS sent"
                + (notifyOnAppend ? ", (SELECT count(*) FROM notified) AS notified" : "")
                + " FROM target t";
    }
}
