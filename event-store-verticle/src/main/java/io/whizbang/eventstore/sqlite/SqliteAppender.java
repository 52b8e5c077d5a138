package io.whizbang.eventstore.sqlite;

import io.whizbang.error.ConcurrencyException;
import io.whizbang.error.PermanentException;
import io.whizbang.ledger.AlreadyHandledException;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.outbox.OutboxMessage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes one append inside the writer's transaction: checks the expected versions, inserts the events with
 * multi-row statements and the outbox rows, and recognises a retried append by its event ids.
 *
 * <p>Used only on the writer thread.
 */
final class SqliteAppender {
    /** Rows per multi-row INSERT: 9 parameters each, well below SQLite's limit of 32766 parameters. */
    static final int ROWS_PER_INSERT = 100;
    private static final String INSERT_EVENTS = "INSERT INTO events (tenant, stream, version, event_id, type,"
            + " schema_version, payload, metadata, recorded_at) VALUES ";
    private static final String EVENT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_OUTBOX = "INSERT INTO outbox (message_id, tenant, destination, key, payload,"
            + " headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING";
    private static final String STREAM_VERSION = "SELECT max(version) FROM events WHERE tenant = ? AND stream = ?";
    private static final String STORED_EVENT =
            "SELECT tenant, stream, version, position FROM events WHERE event_id = ?";

    private static final String INSERT_INBOX = "INSERT OR IGNORE INTO inbox (message_id, tenant, handled_at)"
            + " VALUES (?, ?, ?)";
    private static final String INBOX_HOLDS = "SELECT count(*) FROM inbox WHERE message_id = ?";

    private final Clock clock;
    private final String[] insertSql = new String[ROWS_PER_INSERT + 1];

    SqliteAppender(Clock clock) {
        this.clock = clock;
    }

    /** Appends, or returns the original result of an append retried with the same event ids. */
    AppendResult append(SqliteConnection db, PendingAppend pending) throws SQLException {
        InboxEntry received = pending.received();
        if (received != null && db.queryLong(INBOX_HOLDS, 0, received.messageId().toString()) > 0) {
            throw AlreadyHandledException.of(received);
        }
        List<StreamAppend> appends = pending.appends();
        long[] current = new long[appends.size()];
        for (int i = 0; i < current.length; i++) {
            StreamAppend append = appends.get(i);
            current[i] = db.queryLong(STREAM_VERSION, 0, append.tenant(), append.stream().value());
            if (!append.expected().matches(current[i])) {
                AppendResult repeated = repeated(db, appends);
                if (repeated != null) {
                    recordInbox(db, received);
                    return repeated;
                }
                throw ConcurrencyException.conflict(append.tenant(), append.stream().value(),
                        append.expected().toString(), current[i]);
            }
        }
        db.exec("SAVEPOINT append");
        try {
            AppendResult result = write(db, pending, current);
            recordInbox(db, received);
            db.exec("RELEASE append");
            return result;
        } catch (SQLException e) {
            db.exec("ROLLBACK TO append");
            db.exec("RELEASE append");
            AppendResult repeated = SqliteErrors.isDuplicateEventId(e) ? repeated(db, appends) : null;
            if (repeated == null) {
                throw e;
            }
            recordInbox(db, received);
            return repeated;
        }
    }

    /**
     * Records an incoming message as handled, in the transaction in hand.
     *
     * @return whether it was recorded now, rather than already
     */
    boolean recordInbox(SqliteConnection db, InboxEntry received) throws SQLException {
        if (received == null) {
            return false;
        }
        PreparedStatement insert = db.prepare(INSERT_INBOX);
        insert.setString(1, received.messageId().toString());
        insert.setString(2, received.tenant());
        insert.setLong(3, SqliteRows.micros(clock.instant()));
        return insert.executeUpdate() == 1;
    }

    /** Whether the inbox holds the message. */
    static boolean inboxHolds(SqliteConnection db, UUID messageId) throws SQLException {
        return db.queryLong(INBOX_HOLDS, 0, messageId.toString()) > 0;
    }

    private AppendResult write(SqliteConnection db, PendingAppend pending, long[] current) throws SQLException {
        long now = SqliteRows.micros(clock.instant());
        List<AppendResult.StreamVersion> versions = new ArrayList<>(current.length);
        int flat = 0;
        for (int i = 0; i < current.length; i++) {
            StreamAppend append = pending.appends().get(i);
            List<EventData> events = append.events();
            for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
                int rows = Math.min(ROWS_PER_INSERT, events.size() - from);
                PreparedStatement insert = db.prepare(insertSql(rows));
                int p = 1;
                for (int r = 0; r < rows; r++) {
                    EventData event = events.get(from + r);
                    insert.setString(p++, append.tenant());
                    insert.setString(p++, append.stream().value());
                    insert.setLong(p++, current[i] + from + r + 1);
                    insert.setString(p++, event.eventId().toString());
                    insert.setString(p++, event.type());
                    insert.setInt(p++, event.schemaVersion());
                    insert.setString(p++, pending.payloads()[flat]);
                    insert.setString(p++, pending.metadata()[flat]);
                    insert.setLong(p++, now);
                    flat++;
                }
                insert.executeUpdate();
            }
            versions.add(new AppendResult.StreamVersion(append.tenant(), append.stream(),
                    current[i] + events.size()));
        }
        long position = flat > 0 ? db.queryLong("SELECT last_insert_rowid()", 0)
                : db.queryLong("SELECT max(position) FROM events", 0);
        writeOutbox(db, pending, now);
        return new AppendResult(versions, position);
    }

    private static void writeOutbox(SqliteConnection db, PendingAppend pending, long now) throws SQLException {
        if (pending.outbox().isEmpty()) {
            return;
        }
        PreparedStatement insert = db.prepare(INSERT_OUTBOX);
        for (int m = 0; m < pending.outbox().size(); m++) {
            OutboxMessage message = pending.outbox().get(m);
            insert.setString(1, message.messageId().toString());
            insert.setString(2, message.tenant());
            insert.setString(3, message.destination());
            insert.setString(4, message.key());
            insert.setString(5, pending.outboxPayloads()[m]);
            insert.setString(6, pending.outboxHeaders()[m]);
            insert.setLong(7, now);
            insert.executeUpdate();
        }
    }

    /**
     * The original result when every event id of the append is already stored in its stream; null when none is.
     *
     * @throws PermanentException {@code CONFLICT} when only some are, or one is stored in another stream
     */
    private static AppendResult repeated(SqliteConnection db, List<StreamAppend> appends) throws SQLException {
        PreparedStatement find = db.prepare(STORED_EVENT);
        List<AppendResult.StreamVersion> versions = new ArrayList<>(appends.size());
        long position = 0;
        boolean seen = false;
        boolean unseen = false;
        for (StreamAppend append : appends) {
            long version = 0;
            for (EventData event : append.events()) {
                find.setString(1, event.eventId().toString());
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next()) {
                        unseen = true;
                        continue;
                    }
                    seen = true;
                    String tenant = row.getString(1);
                    String stream = row.getString(2);
                    if (!tenant.equals(append.tenant()) || !stream.equals(append.stream().value())) {
                        throw PermanentException.conflict("event id " + event.eventId() + " is already stored in"
                                + " stream " + stream + " of tenant " + tenant);
                    }
                    version = row.getLong(3);
                    position = Math.max(position, row.getLong(4));
                }
            }
            versions.add(new AppendResult.StreamVersion(append.tenant(), append.stream(), version));
        }
        if (seen && unseen) {
            throw PermanentException.conflict("some but not all event ids of the append are already stored");
        }
        return seen ? new AppendResult(versions, position) : null;
    }

    private String insertSql(int rows) {
        String sql = insertSql[rows];
        if (sql == null) {
            StringBuilder builder = new StringBuilder(INSERT_EVENTS.length() + rows * (EVENT_ROW.length() + 2))
                    .append(INSERT_EVENTS);
            for (int r = 0; r < rows; r++) {
                builder.append(r == 0 ? "" : ", ").append(EVENT_ROW);
            }
            sql = builder.toString();
            insertSql[rows] = sql;
        }
        return sql;
    }
}
