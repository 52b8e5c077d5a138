package io.whizbang.projections.sqlite;

import java.sql.SQLException;
import java.util.List;

/**
 * The tables of the SQLite projection store and the versioned migrations that create them; the store applies the
 * missing ones when it opens a file.
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
            new Migration(1, "documents and checkpoints", List.of(
                    """
                    CREATE TABLE documents (
                        tenant     TEXT NOT NULL,
                        collection TEXT NOT NULL,
                        key        TEXT NOT NULL,
                        json       TEXT NOT NULL,
                        PRIMARY KEY (tenant, collection, key)
                    )""",
                    """
                    CREATE TABLE checkpoints (
                        projection TEXT    NOT NULL PRIMARY KEY,
                        position   INTEGER NOT NULL
                    )""")),
            new Migration(2, "dead letters", List.of(
                    """
                    CREATE TABLE dead_letters (
                        perspective TEXT    NOT NULL,
                        position    INTEGER NOT NULL,
                        tenant      TEXT    NOT NULL,
                        stream      TEXT    NOT NULL,
                        version     INTEGER NOT NULL,
                        type        TEXT    NOT NULL,
                        error       TEXT    NOT NULL,
                        attempts    INTEGER NOT NULL,
                        parked_at   TEXT    NOT NULL,
                        status      TEXT    NOT NULL,
                        resolved_at TEXT,
                        PRIMARY KEY (perspective, position)
                    )""")));

    private SqliteSchema() {
    }

    /** The newest schema version this build knows. */
    static int latest() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    /**
     * Brings the file's schema to the newest version.
     *
     * @param now the time to record the migrations at, in milliseconds since the epoch
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
                    db.prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
                            migration.version(), migration.description(), now).executeUpdate();
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
