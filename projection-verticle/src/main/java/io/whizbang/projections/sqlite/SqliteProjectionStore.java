package io.whizbang.projections.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DeadLetterStore;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.DroppableCollections;
import io.whizbang.projection.Page;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.spi.PageCursor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The projection store in an SQLite file: read models, saga instances and checkpoints that survive a restart, so
 * perspectives and sagas resume from their checkpoints instead of replaying the ledger (and sagas never send their
 * commands again).
 *
 * <p>All JDBC work runs off the event loop. One writer thread owns the only write connection and commits each
 * {@link ProjectionCommit}, documents and checkpoint, in one transaction; commits queued meanwhile share one sync to
 * disk. Two read connections serve loads and queries concurrently with the writer (WAL mode). Every future completes
 * on the context of its caller.
 *
 * <p>Durability: {@code PRAGMA synchronous = FULL}, so a commit is acknowledged only after it was synced to disk.
 */
public final class SqliteProjectionStore implements ProjectionStore, DroppableCollections {
    private static final int READ_CONNECTIONS = 2;
    private static final String LOAD = "SELECT json FROM documents WHERE tenant = ? AND collection = ? AND key = ?";
    private static final String UPSERT = "INSERT INTO documents (tenant, collection, key, json) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (tenant, collection, key) DO UPDATE SET json = excluded.json";
    private static final String DELETE = "DELETE FROM documents WHERE tenant = ? AND collection = ? AND key = ?";
    private static final String SET_CHECKPOINT = "INSERT INTO checkpoints (projection, position) VALUES (?, ?)"
            + " ON CONFLICT (projection) DO UPDATE SET position = excluded.position";
    private static final String CHECKPOINT = "SELECT position FROM checkpoints WHERE projection = ?";
    private static final String DROP_DOCUMENTS = "DELETE FROM documents WHERE collection = ?";
    private static final String DROP_CHECKPOINT = "DELETE FROM checkpoints WHERE projection = ?";

    private final Path file;
    private final String store;
    private final SqliteWriter writer;
    private final SqliteReaders readers;
    private final SqliteDeadLetterStore deadLetters;
    private Future<Void> closing;

    private SqliteProjectionStore(Path file, SqliteWriter writer, SqliteReaders readers) {
        this.file = file;
        this.store = storeName(file);
        this.writer = writer;
        this.readers = readers;
        this.deadLetters = new SqliteDeadLetterStore(writer, readers);
    }

    /**
     * Opens the store in the options' file, creating the file and its directory when missing and bringing its
     * schema to this build's version.
     *
     * @return a future failed with {@code UNAVAILABLE} when the file cannot be opened, or {@code INTERNAL} when it
     *     is not a projection store this build can read
     */
    public static Future<SqliteProjectionStore> open(Vertx vertx, SqliteProjectionStoreOptions options) {
        Objects.requireNonNull(vertx, "vertx");
        SqliteProjectionStoreOptions copy = new SqliteProjectionStoreOptions(Objects.requireNonNull(options,
                "options"));
        Path file = Path.of(copy.getFile()).toAbsolutePath().normalize();
        String store = storeName(file);
        return vertx.executeBlocking(() -> {
            List<SqliteConnection> opened = new ArrayList<>();
            try {
                Path directory = file.getParent();
                if (directory != null) {
                    Files.createDirectories(directory);
                }
                SqliteConnection writeConnection = SqliteConnection.open(file, copy.getBusyTimeoutMillis(), false);
                opened.add(writeConnection);
                SqliteSchema.migrate(writeConnection, System.currentTimeMillis());
                List<SqliteConnection> readConnections = new ArrayList<>();
                for (int i = 0; i < READ_CONNECTIONS; i++) {
                    SqliteConnection reader = SqliteConnection.open(file, copy.getBusyTimeoutMillis(), true);
                    opened.add(reader);
                    readConnections.add(reader);
                }
                return new SqliteProjectionStore(file, new SqliteWriter(vertx, writeConnection, store),
                        new SqliteReaders(vertx, store, readConnections));
            } catch (SQLException | IOException | RuntimeException e) {
                opened.forEach(SqliteConnection::close);
                throw SqliteErrors.map(e, store);
            }
        }, false);
    }

    /** The database file, as an absolute path. */
    public Path file() {
        return file;
    }

    @Override
    public Future<Map<DocumentKey, Document>> load(Collection<DocumentKey> keys) {
        List<DocumentKey> wanted = List.copyOf(Objects.requireNonNull(keys, "keys"));
        if (wanted.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return readers.submit(db -> {
            // one read transaction, so the documents are of the same commit
            db.exec("BEGIN");
            Map<DocumentKey, Document> found = new HashMap<>();
            for (DocumentKey key : wanted) {
                try (ResultSet row = db.prepare(LOAD, key.tenant(), key.collection(), key.key()).executeQuery()) {
                    if (row.next()) {
                        found.put(key, new Document(key.key(), new JsonObject(row.getString(1))));
                    }
                }
            }
            db.exec("COMMIT");
            return found;
        });
    }

    @Override
    public Future<Page<Document>> query(String tenant, String collection, DocumentQuery query) {
        DocumentSelect select;
        try {
            select = DocumentSelect.of(Objects.requireNonNull(tenant, "tenant"),
                    Objects.requireNonNull(collection, "collection"), Objects.requireNonNull(query, "query"));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return readers.submit(db -> {
            List<Document> items = new ArrayList<>();
            try (ResultSet rows = db.prepare(select.sql(), select.parameters().toArray()).executeQuery()) {
                while (rows.next()) {
                    items.add(new Document(rows.getString(1), new JsonObject(rows.getString(2))));
                }
            }
            return page(items, query);
        });
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
        // encoded now: the caller may change its objects once this returns
        List<String> documents = new ArrayList<>(commit.changes().size());
        for (DocumentChange change : commit.changes()) {
            documents.add(change.isDelete() ? null : change.document().encode());
        }
        return writer.submit(db -> {
            for (int i = 0; i < documents.size(); i++) {
                DocumentKey key = commit.changes().get(i).key();
                PreparedStatement write = documents.get(i) == null
                        ? db.prepare(DELETE, key.tenant(), key.collection(), key.key())
                        : db.prepare(UPSERT, key.tenant(), key.collection(), key.key(), documents.get(i));
                write.executeUpdate();
            }
            db.prepare(SET_CHECKPOINT, commit.projection(), commit.position()).executeUpdate();
            return null;
        });
    }

    @Override
    public Future<Long> checkpoint(String projection) {
        Objects.requireNonNull(projection, "projection");
        return readers.submit(db -> db.queryLong(CHECKPOINT, 0, projection));
    }

    /**
     * The dead letters of the perspectives, kept in this store's file (table {@code dead_letters}) and written by its
     * one writer; they live as long as this store, which closes their connections.
     */
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    @Override
    public Future<Void> dropCollection(String collection) {
        Objects.requireNonNull(collection, "collection");
        return writer.submit(db -> {
            db.prepare(DROP_DOCUMENTS, collection).executeUpdate();
            db.prepare(DROP_CHECKPOINT, collection).executeUpdate();
            return null;
        });
    }

    /** Lets queued commits finish, then closes every connection; calling it again returns the same future. */
    @Override
    public synchronized Future<Void> close() {
        if (closing == null) {
            closing = writer.close().eventually(readers::close);
        }
        return closing;
    }

    @Override
    public String toString() {
        return store;
    }

    private static String storeName(Path file) {
        return "the SQLite projection store " + file;
    }
}
