package io.whizbang.projections.sqlite;

import java.sql.SQLException;

/**
 * Work done on one connection, on the thread that owns it.
 *
 * @param <T> what it produces
 */
@FunctionalInterface
interface SqliteWork<T> {
    /** Does the work. */
    T run(SqliteConnection db) throws SQLException;
}
