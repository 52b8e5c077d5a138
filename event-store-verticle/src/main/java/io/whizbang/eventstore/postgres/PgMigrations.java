package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates and migrates the ledger's schema: versioned scripts ({@code migrations/V<n>__<name>.sql} beside this
 * class), each applied once, in order, in its own transaction, and recorded in {@code <schema>.schema_migrations}.
 *
 * <p>Several nodes may start at once: each takes the session-level advisory lock of the schema first, so one migrates
 * while the others wait and then find nothing left to do. A script is never edited once released; a change is a new
 * script.
 */
final class PgMigrations {
    /** The first key of the migration lock ("WHZM"); the second is the hash of the schema name. */
    static final int LOCK_CLASS = 1464359501;

    /** The scripts, in order. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "ledger"),
            new Migration(2, "row_level_security"),
            new Migration(3, "inbox"),
            new Migration(4, "positions_at_append"),
            new Migration(5, "cheaper_append"),
            new Migration(6, "head_row"));

    /**
     * One script.
     *
     * @param version its number, from 1
     * @param name    its name, the rest of the file name
     */
    record Migration(int version, String name) {
        String resource() {
            return "migrations/V" + version + "__" + name + ".sql";
        }

        /** The script's text for the schema. */
        String sql(String schema) {
            try (InputStream in = PgMigrations.class.getResourceAsStream(resource())) {
                if (in == null) {
                    throw new IllegalStateException("migration " + resource() + " is missing from the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${schema}", schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private PgMigrations() {
    }

    /**
     * Brings the schema up to date; completes with the versions this call applied (none when another node, or an
     * earlier start, already had).
     */
    static Future<List<Integer>> migrate(Vertx vertx, PgConnectOptions connectOptions, String schema) {
        return migrate(vertx, connectOptions, schema, ALL.size());
    }

    /** Brings the schema up to the given version only: how an upgrade from an earlier release is tested. */
    static Future<List<Integer>> migrate(Vertx vertx, PgConnectOptions connectOptions, String schema, int upTo) {
        List<Migration> wanted = ALL.subList(0, upTo);
        // The scripts are read off the event loop: they come from the jar.
        return vertx.executeBlocking(() -> wanted.stream().map(migration -> migration.sql(schema)).toList())
                .compose(scripts -> PgConnection.connect(vertx, connectOptions)
                        .compose(connection -> migrate(connection, schema, scripts)
                                // Closing the session releases the advisory lock, also when a script failed.
                                .eventually(connection::close)));
    }

    private static Future<List<Integer>> migrate(PgConnection connection, String schema, List<String> scripts) {
        return connection.query("SELECT pg_advisory_lock(" + LOCK_CLASS + ", hashtext('" + schema + "'))").execute()
                .compose(locked -> connection.preparedQuery("SELECT to_regclass($1) IS NOT NULL AS present")
                        .execute(Tuple.of(schema + ".schema_migrations")))
                .compose(rows -> rows.iterator().next().getBoolean("present") ? Future.succeededFuture()
                        : connection.query("CREATE SCHEMA IF NOT EXISTS " + schema + ";"
                                + " CREATE TABLE " + schema + ".schema_migrations ("
                                + " version integer PRIMARY KEY, name text NOT NULL,"
                                + " applied_at timestamptz NOT NULL DEFAULT now())").execute().mapEmpty())
                .compose(created -> connection.query("SELECT version FROM " + schema + ".schema_migrations")
                        .execute())
                .compose(rows -> {
                    Set<Integer> applied = new TreeSet<>();
                    for (Row row : rows) {
                        applied.add(row.getInteger("version"));
                    }
                    return applyMissing(connection, schema, scripts, applied, 0, new ArrayList<>());
                });
    }

    private static Future<List<Integer>> applyMissing(PgConnection connection, String schema, List<String> scripts,
                                                      Set<Integer> applied, int index, List<Integer> done) {
        if (index == scripts.size()) {
            return Future.succeededFuture(List.copyOf(done));
        }
        Migration migration = ALL.get(index);
        if (applied.contains(migration.version())) {
            return applyMissing(connection, schema, scripts, applied, index + 1, done);
        }
        return connection.begin()
                .compose(tx -> connection.query(scripts.get(index)).execute()
                        .compose(ran -> connection.preparedQuery("INSERT INTO " + schema
                                        + ".schema_migrations (version, name) VALUES ($1, $2)")
                                .execute(Tuple.of(migration.version(), migration.name())))
                        .compose(recorded -> tx.commit())
                        .recover(failure -> tx.rollback().otherwiseEmpty().transform(rolledBack ->
                                Future.failedFuture(failure instanceof PgException script
                                        ? new PermanentException(ErrorCode.INTERNAL, "migration "
                                                + migration.resource() + " of schema " + schema + " failed: "
                                                + script.getErrorMessage(), script)
                                        : failure))))
                .compose(committed -> {
                    done.add(migration.version());
                    return applyMissing(connection, schema, scripts, applied, index + 1, done);
                });
    }
}
