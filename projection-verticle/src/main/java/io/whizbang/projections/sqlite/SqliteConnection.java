package io.whizbang.projections.sqlite;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One JDBC connection to the database file with its prepared statements, used by one thread at a time.
 *
 * <p>Transactions are written out ({@code BEGIN IMMEDIATE}, {@code COMMIT}) rather than left to JDBC's auto-commit
 * switch, which would reopen a transaction, and hold its lock, right after every commit.
 */
final class SqliteConnection implements AutoCloseable {
    /** Queries are built from a few shapes only, so the cache stays small; this bounds it all the same. */
    private static final int MAX_STATEMENTS = 256;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private SqliteConnection(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens a connection in WAL mode, synchronous FULL, with the busy timeout and with foreign keys enforced; a
     * reader connection refuses to write.
     */
    static SqliteConnection open(Path file, int busyTimeoutMillis, boolean reader) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        // nothing reads generated keys; left on, the driver runs SELECT last_insert_rowid() after every INSERT
        config.setGetGeneratedKeys(false);
        config.setBusyTimeout(busyTimeoutMillis);
        SqliteConnection opened = new SqliteConnection(config.createConnection("jdbc:sqlite:" + file));
        try {
            String journal = opened.pragma("journal_mode");
            if (!"wal".equals(journal.toLowerCase(Locale.ROOT))) {
                throw new SQLException("the SQLite file " + file + " cannot use a write-ahead log (journal mode is "
                        + journal + "); keep it on a local file system");
            }
            if (reader) {
                opened.execOnce("PRAGMA query_only = ON");
            }
            return opened;
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
    }

    /** A prepared statement for the SQL, prepared once per connection. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            if (statements.size() >= MAX_STATEMENTS) {
                closeStatements();
            }
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** A prepared statement for the SQL with the parameters bound, in order. */
    PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = prepare(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** Runs a statement without parameters or results, such as {@code COMMIT}. */
    void exec(String sql) throws SQLException {
        prepare(sql).execute();
    }

    /** Runs a statement without parameters that is not worth keeping prepared. */
    void execOnce(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The value of a pragma, such as {@code journal_mode}. */
    String pragma(String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getString(1) : "";
        }
    }

    /** The single {@code long} the query returns, or {@code empty} when it returns no row or NULL. */
    long queryLong(String sql, long empty, Object... parameters) throws SQLException {
        try (ResultSet rows = prepare(sql, parameters).executeQuery()) {
            if (!rows.next()) {
                return empty;
            }
            long value = rows.getLong(1);
            return rows.wasNull() ? empty : value;
        }
    }

    /** Rolls back whatever transaction is open; a failure here only means none was. */
    void rollbackQuietly() {
        try {
            exec("ROLLBACK");
        } catch (SQLException ignored) {
            // nothing was open, or the connection is gone: either way nothing stays uncommitted
        }
    }

    private void closeStatements() {
        statements.values().forEach(statement -> {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        });
        statements.clear();
    }

    @Override
    public void close() {
        closeStatements();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the file is released when the process ends at the latest
        }
    }
}
