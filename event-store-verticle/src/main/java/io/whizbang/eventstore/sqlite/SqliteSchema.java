package io.whizbang.eventstore.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The tables of the SQLite ledger and the versioned migrations that create them; the driver applies the missing
 * ones when it opens a file.
 *
 * <p>Migrations run in one {@code BEGIN IMMEDIATE} transaction, so two processes opening the same new file do not
 * both apply them; every applied version is recorded in {@code schema_migrations}.
 */
final class SqliteSchema {
    /** One step of the schema, applied once per file. */
    record Migration(int version, String description, List<String> statements) {
    }

    /** Every migration, in order; only ever appended to. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "events, outbox and snapshots", List.of(
                    // position: single writer, so positions are given in commit order and without gaps;
                    // AUTOINCREMENT so that no position is ever reused
                    """
                    CREATE TABLE events (
                        position       INTEGER PRIMARY KEY AUTOINCREMENT,
                        tenant         TEXT    NOT NULL,
                        stream         TEXT    NOT NULL,
                        version        INTEGER NOT NULL,
                        event_id       TEXT    NOT NULL UNIQUE,
                        type           TEXT    NOT NULL,
                        schema_version INTEGER NOT NULL,
                        payload        TEXT    NOT NULL,
                        metadata       TEXT    NOT NULL,
                        recorded_at    INTEGER NOT NULL,
                        UNIQUE (tenant, stream, version)
                    )""",
                    """
                    CREATE TABLE outbox (
                        sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
                        message_id   TEXT    NOT NULL UNIQUE,
                        tenant       TEXT    NOT NULL,
                        destination  TEXT    NOT NULL,
                        key          TEXT    NOT NULL,
                        payload      TEXT    NOT NULL,
                        headers      TEXT    NOT NULL,
                        created_at   INTEGER NOT NULL,
                        published_at INTEGER
                    )""",
                    "CREATE INDEX outbox_pending ON outbox (sequence) WHERE published_at IS NULL",
                    """
                    CREATE TABLE snapshots (
                        tenant         TEXT    NOT NULL,
                        stream         TEXT    NOT NULL,
                        version        INTEGER NOT NULL,
                        state_type     TEXT    NOT NULL,
                        schema_version INTEGER NOT NULL,
                        state          TEXT    NOT NULL,
                        taken_at       INTEGER NOT NULL,
                        PRIMARY KEY (tenant, stream)
                    ) WITHOUT ROWID""")),
            new Migration(2, "inbox of handled incoming messages", List.of(
                    """
                    CREATE TABLE inbox (
                        message_id TEXT    NOT NULL PRIMARY KEY,
                        tenant     TEXT    NOT NULL,
                        handled_at INTEGER NOT NULL
                    ) WITHOUT ROWID""")));

    private SqliteSchema() {
    }

    /** The newest schema version this build knows. */
    static int latest() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    /**
     * Brings the file's schema to the newest version.
     *
     * @return the version the file was at before
     * @throws SQLException when the file was written by a newer build, whose schema this one does not know
     */
    static int migrate(SqliteConnection db, long now) throws SQLException {
        db.exec("BEGIN IMMEDIATE");
        try {
            db.execOnce("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version     INTEGER PRIMARY KEY,
                        description TEXT    NOT NULL,
                        applied_at  INTEGER NOT NULL
                    )""");
            int current = (int) db.queryLong("SELECT max(version) FROM schema_migrations", 0);
            if (current > latest()) {
                throw new SQLException("the SQLite file is at schema version " + current + ", newer than this build"
                        + " knows (" + latest() + "); open it with a newer Whizbang");
            }
            for (Migration migration : MIGRATIONS) {
                if (migration.version() > current) {
                    for (String statement : migration.statements()) {
                        db.execOnce(statement);
                    }
                    PreparedStatement record = db.prepare(
                            "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)");
                    record.setInt(1, migration.version());
                    record.setString(2, migration.description());
                    record.setLong(3, now);
                    record.executeUpdate();
                }
            }
            db.exec("COMMIT");
            return current;
        } catch (SQLException | RuntimeException e) {
            db.rollbackQuietly();
            throw e;
        }
    }
}
