package io.whizbang.projections.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.whizbang.projection.DeadLetterStore;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.DroppableCollections;
import io.whizbang.projection.Page;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.spi.PageCursor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The projection store in PostgreSQL, on the Vert.x reactive client (pooled, pipelined connections): read models as
 * JSONB documents with their tenant, collection and key, and each perspective's checkpoint.
 *
 * <p><b>One statement per batch.</b> A {@link ProjectionCommit} is written by one statement — its upserts, its
 * deletes and the new checkpoint in data-modifying CTEs over arrays — so the documents and the checkpoint commit in
 * one transaction, in one round trip, whatever the size of the batch: a crash anywhere leaves either the whole batch
 * with its checkpoint or none of it, and the perspective replays it from the old checkpoint.
 *
 * <p><b>Tenancy.</b> Every load and query names its tenant. Row-level security is the second wall: every role but
 * the tables' owner sees only the documents of the tenant its session is bound to ({@code SET whizbang.tenant}). The
 * store connects as the owner, which the policy does not restrict, because a perspective's batch writes every
 * tenant's documents.
 *
 * <p><b>Beside the documents</b>, in the same schema: the perspectives' {@linkplain #deadLetters() dead letters}, and
 * the indexes the options declare on document fields (on the same comparison expressions the queries use).
 *
 * <p><b>Errors.</b> A bad field name or cursor is {@code INVALID_ARGUMENT}, as is a document the server refuses (a
 * NUL character), with nothing of the batch written; a server that is away is {@code UNAVAILABLE}.
 */
public final class PostgresProjectionStore implements ProjectionStore, DroppableCollections {
    private final Pool pool;
    private final String schema;
    private final String store;
    private final String load;
    private final String commit;
    private final String checkpoint;
    private final String drop;
    private final PostgresDeadLetterStore deadLetters;
    private Future<Void> closing;

    private PostgresProjectionStore(Vertx vertx, PostgresProjectionStoreOptions options) {
        this.schema = options.getSchema();
        this.store = options.describe();
        this.pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(options.getPoolSize()))
                .connectingTo(options.connectOptions())
                // A connection that breaks while idle in the pool has no caller to tell; the next use reconnects.
                .withConnectHandler(connection -> connection.exceptionHandler(ignored -> { }).close())
                .using(vertx)
                .build();
        this.deadLetters = new PostgresDeadLetterStore(pool, schema, store);
        this.load = "SELECT d.tenant, d.collection, d.key, d.doc FROM " + schema + ".documents d"
                + " JOIN unnest($1::text[], $2::text[], $3::text[]) AS k (tenant, collection, key)"
                + " ON d.tenant = k.tenant AND d.collection = k.collection AND d.key = k.key";
        this.commit = "WITH upserted AS ("
                + " INSERT INTO " + schema + ".documents (tenant, collection, key, doc)"
                + " SELECT u.tenant, u.collection, u.key, u.doc::jsonb"
                + " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u (tenant, collection, key, doc)"
                + " ON CONFLICT (tenant, collection, key) DO UPDATE SET doc = excluded.doc RETURNING 1),"
                + " deleted AS ("
                + " DELETE FROM " + schema + ".documents d"
                + " USING unnest($5::text[], $6::text[], $7::text[]) AS r (tenant, collection, key)"
                + " WHERE d.tenant = r.tenant AND d.collection = r.collection AND d.key = r.key RETURNING 1)"
                + " INSERT INTO " + schema + ".checkpoints (projection, position) VALUES ($8, $9)"
                + " ON CONFLICT (projection) DO UPDATE SET position = excluded.position";
        this.checkpoint = "SELECT position FROM " + schema + ".checkpoints WHERE projection = $1";
        this.drop = "WITH dropped AS (DELETE FROM " + schema + ".documents WHERE collection = $1)"
                + " DELETE FROM " + schema + ".checkpoints WHERE projection = $1";
    }

    /**
     * Connects to the server and creates or migrates the store's schema and declared indexes (safe when several
     * nodes start at once).
     *
     * @return a future failed with {@code UNAVAILABLE} when the server cannot be reached, or {@code INTERNAL} when
     *     the schema is not one this build can use
     */
    public static Future<PostgresProjectionStore> connect(Vertx vertx, PostgresProjectionStoreOptions options) {
        Objects.requireNonNull(vertx, "vertx");
        PostgresProjectionStoreOptions own = new PostgresProjectionStoreOptions(Objects.requireNonNull(options,
                "options"));
        String store = own.describe();
        return PgSchema.migrate(vertx, own.connectOptions(), own.getSchema(), own.getIndexes())
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)))
                .map(migrated -> new PostgresProjectionStore(vertx, own));
    }

    /** The schema of the store's tables. */
    public String schema() {
        return schema;
    }

    @Override
    public Future<Map<DocumentKey, Document>> load(Collection<DocumentKey> keys) {
        List<DocumentKey> wanted = List.copyOf(Objects.requireNonNull(keys, "keys"));
        if (wanted.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        KeyArrays arrays = new KeyArrays(wanted.size());
        wanted.forEach(arrays::add);
        return pool.preparedQuery(load).execute(arrays.addTo(Tuple.tuple()))
                .map(rows -> {
                    Map<DocumentKey, Document> found = new HashMap<>();
                    for (Row row : rows) {
                        DocumentKey key = new DocumentKey(row.getString(0), row.getString(1), row.getString(2));
                        found.put(key, new Document(key.key(), (JsonObject) row.getJson(3)));
                    }
                    return found;
                })
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)));
    }

    @Override
    public Future<Page<Document>> query(String tenant, String collection, DocumentQuery query) {
        PgDocumentSelect select;
        try {
            select = PgDocumentSelect.of(schema, Objects.requireNonNull(tenant, "tenant"),
                    Objects.requireNonNull(collection, "collection"), Objects.requireNonNull(query, "query"));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return pool.preparedQuery(select.sql()).execute(select.parameters())
                .map(rows -> {
                    List<Document> items = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        items.add(new Document(row.getString(0), (JsonObject) row.getJson(1)));
                    }
                    return page(items, query);
                })
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)));
    }

    private static Page<Document> page(List<Document> items, DocumentQuery query) {
        if (items.size() <= query.limit()) {
            return new Page<>(items, null);
        }
        List<Document> page = items.subList(0, query.limit());
        Document last = page.get(page.size() - 1);
        Object sortValue = query.orderBy() == null ? null : last.json().getValue(query.orderBy());
        return new Page<>(page, new PageCursor(sortValue, last.key()).encode());
    }

    @Override
    public Future<Void> commit(ProjectionCommit commit) {
        Objects.requireNonNull(commit, "commit");
        // The last change of a key is what the batch leaves; one statement may touch a row only once.
        Map<DocumentKey, JsonObject> last = new LinkedHashMap<>();
        for (DocumentChange change : commit.changes()) {
            last.put(change.key(), change.document());
        }
        KeyArrays upserts = new KeyArrays(last.size());
        List<String> documents = new ArrayList<>(last.size());
        KeyArrays deletes = new KeyArrays(0);
        // encoded now: the caller may change its objects once this returns
        last.forEach((key, document) -> {
            if (document == null) {
                deletes.add(key);
            } else {
                upserts.add(key);
                documents.add(document.encode());
            }
        });
        Tuple parameters = upserts.addTo(Tuple.tuple()).addArrayOfString(documents.toArray(String[]::new));
        deletes.addTo(parameters).addString(commit.projection()).addLong(commit.position());
        return pool.preparedQuery(this.commit).execute(parameters)
                .<Void>mapEmpty()
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)));
    }

    @Override
    public Future<Long> checkpoint(String projection) {
        Objects.requireNonNull(projection, "projection");
        return pool.preparedQuery(checkpoint).execute(Tuple.of(projection))
                .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong(0))
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)));
    }

    /**
     * The dead letters of the perspectives, kept in this store's schema (table {@code dead_letters}) on its
     * connections; they live as long as this store, which closes the connections.
     */
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    /** Removes every tenant's documents of the collection and its checkpoint, in one transaction. */
    @Override
    public Future<Void> dropCollection(String collection) {
        Objects.requireNonNull(collection, "collection");
        return pool.preparedQuery(drop).execute(Tuple.of(collection))
                .<Void>mapEmpty()
                .recover(failure -> Future.failedFuture(PgErrors.map(failure, store)));
    }

    /** Closes the pool; commits in flight finish or fail first. Calling it again returns the same future. */
    @Override
    public synchronized Future<Void> close() {
        if (closing == null) {
            closing = pool.close();
        }
        return closing;
    }

    @Override
    public String toString() {
        return store;
    }

    /** Keys as three parallel arrays, the shape {@code unnest} takes them in. */
    private static final class KeyArrays {
        private final List<String> tenants;
        private final List<String> collections;
        private final List<String> keys;

        KeyArrays(int expected) {
            tenants = new ArrayList<>(expected);
            collections = new ArrayList<>(expected);
            keys = new ArrayList<>(expected);
        }

        void add(DocumentKey key) {
            tenants.add(key.tenant());
            collections.add(key.collection());
            keys.add(key.key());
        }

        /** Appends the three arrays to the parameters. */
        Tuple addTo(Tuple parameters) {
            return parameters.addArrayOfString(tenants.toArray(String[]::new))
                    .addArrayOfString(collections.toArray(String[]::new))
                    .addArrayOfString(keys.toArray(String[]::new));
        }
    }
}
