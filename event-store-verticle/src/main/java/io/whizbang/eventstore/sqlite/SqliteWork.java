package io.whizbang.eventstore.sqlite;

import java.sql.SQLException;

/**
 * Work done on one connection, on the thread that owns it.
 *
 * @param <T> what it produces
 */
@FunctionalInterface
interface SqliteWork<T> {
    /** Does the work; throws a {@link io.whizbang.error.WhizbangException} to refuse it. */
    T run(SqliteConnection db) throws SQLException;
}
