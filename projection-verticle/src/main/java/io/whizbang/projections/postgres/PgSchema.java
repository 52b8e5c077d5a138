package io.whizbang.projections.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates and migrates the store's schema: versioned migrations, each applied once, in order, in its own transaction,
 * and recorded in {@code <schema>.schema_migrations}; then the declared indexes, created when missing.
 *
 * <p>Several nodes may start at once: each takes the session-level advisory lock of the schema first, so one migrates
 * while the others wait and then find nothing left to do. A migration is never edited once released; a change is a
 * new one.
 */
final class PgSchema {
    /** The first key of the migration lock ("WHZP"); the second is the hash of the schema name. */
    static final int LOCK_CLASS = 1464359504;

    /** Every migration, in order; only ever appended to. {@code ${schema}} stands for the store's schema. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "documents and checkpoints", """
                    CREATE TABLE ${schema}.documents (
                        tenant     text  COLLATE "C" NOT NULL,
                        collection text  COLLATE "C" NOT NULL,
                        key        text  COLLATE "C" NOT NULL,
                        doc        jsonb NOT NULL,
                        PRIMARY KEY (tenant, collection, key)
                    );
                    CREATE TABLE ${schema}.checkpoints (
                        projection text   COLLATE "C" PRIMARY KEY,
                        position   bigint NOT NULL
                    )"""),
            // Row-level security: the second wall behind the driver's own tenant filter. Every role except the
            // tables' owner (the role that ran these migrations and that the store connects as, which must write
            // batches of many tenants) and superusers / BYPASSRLS roles sees and writes only the documents of the
            // tenant its session is bound to (SET whizbang.tenant = 'acme'); a session bound to none sees nothing.
            new Migration(2, "row level security", """
                    ALTER TABLE ${schema}.documents ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY tenant_isolation ON ${schema}.documents
                        USING (tenant = current_setting('whizbang.tenant', true))
                        WITH CHECK (tenant = current_setting('whizbang.tenant', true))"""),
            // Events perspectives parked after their retries, one per perspective and position, until an operator
            // retries or skips them; behind the same tenant wall as the documents.
            new Migration(3, "dead letters", """
                    CREATE TABLE ${schema}.dead_letters (
                        perspective text        COLLATE "C" NOT NULL,
                        position    bigint      NOT NULL,
                        tenant      text        COLLATE "C" NOT NULL,
                        stream      text        NOT NULL,
                        version     bigint      NOT NULL,
                        type        text        NOT NULL,
                        error       text        NOT NULL,
                        attempts    integer     NOT NULL,
                        parked_at   timestamptz NOT NULL,
                        status      text        NOT NULL CHECK (status IN ('PARKED', 'RETRIED', 'SKIPPED')),
                        resolved_at timestamptz,
                        PRIMARY KEY (perspective, position)
                    );
                    ALTER TABLE ${schema}.dead_letters ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY tenant_isolation ON ${schema}.dead_letters
                        USING (tenant = current_setting('whizbang.tenant', true))
                        WITH CHECK (tenant = current_setting('whizbang.tenant', true))"""),
            // Room in every page for the next version of its documents: a perspective rewrites the same documents
            // over and over, and an update that fits in its page is HOT (no new index entries, pruned in place).
            new Migration(4, "room for updates in place", """
                    ALTER TABLE ${schema}.documents SET (fillfactor = 70)"""));

    /**
     * One migration.
     *
     * @param version     its number, from 1
     * @param description what it does
     * @param script      its statements
     */
    record Migration(int version, String description, String script) {
        String sql(String schema) {
            return script.replace("${schema}", schema);
        }
    }

    private PgSchema() {
    }

    /**
     * Brings the schema up to date and creates the declared indexes; completes with the versions this call applied.
     */
    static Future<List<Integer>> migrate(Vertx vertx, PgConnectOptions connectOptions, String schema,
                                         List<DocumentIndex> indexes) {
        return PgConnection.connect(vertx, connectOptions)
                .compose(connection -> migrate(connection, schema)
                        .compose(applied -> createIndexes(connection, schema, indexes, 0).map(applied))
                        // Closing the session releases the advisory lock, also when a migration failed.
                        .eventually(connection::close));
    }

    private static Future<List<Integer>> migrate(PgConnection connection, String schema) {
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
                    TreeSet<Integer> applied = new TreeSet<>();
                    for (Row row : rows) {
                        applied.add(row.getInteger("version"));
                    }
                    int newest = ALL.get(ALL.size() - 1).version();
                    if (!applied.isEmpty() && applied.last() > newest) {
                        return Future.failedFuture(new PermanentException(ErrorCode.INTERNAL, "schema " + schema
                                + " is at version " + applied.last() + ", newer than this"
                                + " build knows (" + newest + "); open it with a newer Whizbang", null));
                    }
                    return applyMissing(connection, schema, applied, 0, new ArrayList<>());
                });
    }

    private static Future<List<Integer>> applyMissing(PgConnection connection, String schema, Set<Integer> applied,
                                                      int index, List<Integer> done) {
        if (index == ALL.size()) {
            return Future.succeededFuture(List.copyOf(done));
        }
        Migration migration = ALL.get(index);
        if (applied.contains(migration.version())) {
            return applyMissing(connection, schema, applied, index + 1, done);
        }
        return connection.begin()
                .compose(tx -> connection.query(migration.sql(schema)).execute()
                        .compose(ran -> connection.preparedQuery("INSERT INTO " + schema
                                        + ".schema_migrations (version, name) VALUES ($1, $2)")
                                .execute(Tuple.of(migration.version(), migration.description())))
                        .compose(recorded -> tx.commit())
                        .recover(failure -> tx.rollback().otherwiseEmpty().transform(rolledBack ->
                                Future.failedFuture(failure instanceof PgException script
                                        ? new PermanentException(ErrorCode.INTERNAL, "migration "
                                                + migration.version() + " (" + migration.description()
                                                + ") of schema " + schema + " failed: " + script.getErrorMessage(),
                                                script)
                                        : failure))))
                .compose(committed -> {
                    done.add(migration.version());
                    return applyMissing(connection, schema, applied, index + 1, done);
                });
    }

    private static Future<Void> createIndexes(PgConnection connection, String schema, List<DocumentIndex> indexes,
                                              int index) {
        if (index == indexes.size()) {
            return Future.succeededFuture();
        }
        String field = indexes.get(index).field();
        // Named by the field: collections declaring the same field share the index (it leads with the collection).
        String sql = "CREATE INDEX IF NOT EXISTS " + indexName(field) + " ON " + schema + ".documents (tenant, collection, " + FieldOrder.rank(field)
                + ", " + FieldOrder.number(field) + ", " + FieldOrder.text(field) + ", key)";
        return connection.query(sql).execute()
                .compose(created -> createIndexes(connection, schema, indexes, index + 1));
    }

    /** A name within PostgreSQL's 63 characters, distinct for fields that differ only in case or length. */
    static String indexName(String field) {
        String shown = field.length() > 32 ? field.substring(0, 32) : field;
        return "documents_by_" + shown.toLowerCase() + "_" + Integer.toHexString(field.hashCode());
    }
}
