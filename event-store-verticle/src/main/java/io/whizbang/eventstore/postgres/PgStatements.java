package io.whizbang.eventstore.postgres;

/**
 * The SQL the driver runs, written once for the configured schema (a checked lower-case identifier, so it is spliced
 * in without quoting).
 */
final class PgStatements {
    private static final String EVENT_COLUMNS = "position, tenant, stream, version, event_id, type, schema_version,"
            + " payload, metadata, recorded_at";

    /** The schema of the ledger's tables, the prefix of its notification channels. */
    final String schema;
    /**
     * The appends of one append transaction, in one call of {@code <schema>.append_events} (see migrations V5 and
     * V6): one statement, so its own transaction. Answers one row of arrays: {@code ok}, {@code handled} and
     * {@code last_positions} per append, {@code versions} per stream.
     */
    final String append;
    /**
     * One append to one stream, with no outbox or inbox rows, as one plain statement (see migration V6 and
     * {@link PgStreamAppendStatements}).
     */
    final PgStreamAppendStatements appendStream;
    /** The channel where nodes announce their commits. */
    final String appendedChannel;
    /** The channel where a node says it started listening. */
    final String joinedChannel;
    /** Wakes the {@code <schema>_appended} listeners of every node; a payload may follow. */
    final String notifyAppended;
    /** Tells the other nodes that one started listening; its id follows as the payload. */
    final String notifyJoined;
    /** Whether a connection other than {@code $2} of this database is named {@code $1}. */
    final String otherListeners;
    /** Records an incoming message handled with no events; answers a row when it was recorded now. */
    final String markHandled;
    /** Whether the inbox holds a message. */
    final String handled;
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

    PgStatements(String schema) {
        this.schema = schema;
        String events = schema + ".events";
        append = "SELECT ok, handled, versions, last_positions FROM " + schema + ".append_events($1, $2, $3, $4,"
                + " $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)";
        appendedChannel = schema + "_appended";
        joinedChannel = schema + "_joined";
        appendStream = new PgStreamAppendStatements(schema, appendedChannel);
        notifyAppended = "NOTIFY " + appendedChannel;
        notifyJoined = "NOTIFY " + joinedChannel;
        otherListeners = "SELECT EXISTS (SELECT 1 FROM pg_stat_activity"
                + " WHERE datname = current_database() AND application_name = $1 AND pid <> $2)";
        markHandled = "INSERT INTO " + schema + ".inbox (message_id, tenant) VALUES ($1, $2)"
                + " ON CONFLICT (message_id) DO NOTHING RETURNING 1";
        handled = "SELECT 1 FROM " + schema + ".inbox WHERE message_id = $1";
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
}
