package io.whizbang.eventstore.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.ledger.spi.AppendChecks;
import io.whizbang.ledger.spi.AppendListeners;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.SnapshotStore;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.StreamInfo;
import io.whizbang.ledger.StreamSlice;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The ledger in an SQLite file: the embedded default store of the launcher.
 *
 * <p>All JDBC work runs off the event loop. One writer thread owns the only write connection, so global positions
 * are handed out in commit order and readers of "all from a position" never meet a gap; queued appends are
 * committed together, each in its own savepoint. A few read connections serve reads concurrently with the writer
 * (WAL mode). Every future completes on the context of its caller.
 *
 * <p>Durability: the journal is a write-ahead log and, by default, {@code PRAGMA synchronous = FULL}, so an append
 * is acknowledged only after its commit was synced to disk, and survives a crash of the process, of the operating
 * system and a power loss. {@link SqliteLedgerOptions.Synchronous#NORMAL} trades the last commits before a power
 * loss for speed.
 *
 * <p>Append listeners are told after each commit, in this process; another process writing the same file is seen by
 * a subscription's periodic poll.
 */
public final class SqliteLedger implements Ledger {
    private static final String READ_STREAM = "SELECT " + SqliteRows.EVENT_COLUMNS + " FROM events"
            + " WHERE tenant = ? AND stream = ? AND version > ? AND version <= ? ORDER BY version";
    private static final String READ_ALL = "SELECT " + SqliteRows.EVENT_COLUMNS + " FROM events"
            + " WHERE position > ? ORDER BY position LIMIT ?";
    private static final String STREAM_VERSION = "SELECT max(version) FROM events WHERE tenant = ? AND stream = ?";
    private static final String HEAD = "SELECT max(position) FROM events";
    private static final String INFO = "SELECT max(version),"
            + " (SELECT recorded_at FROM events WHERE tenant = ?1 AND stream = ?2 AND version = 1),"
            + " (SELECT recorded_at FROM events WHERE tenant = ?1 AND stream = ?2 ORDER BY version DESC LIMIT 1)"
            + " FROM events WHERE tenant = ?1 AND stream = ?2";

    private final Path file;
    private final String store;
    private final int maxEventBytes;
    private final AppendListeners listeners;
    private final SqliteWriter writer;
    private final SqliteReaders readers;
    private final SqliteAppender appender;
    private final SqliteOutbox outbox;
    private final SqliteSnapshotStore snapshots;
    private Future<Void> closing;

    private SqliteLedger(Path file, SqliteLedgerOptions options, AppendListeners listeners, SqliteWriter writer,
                         SqliteReaders readers, Clock clock) {
        this.file = file;
        this.store = storeName(file);
        this.maxEventBytes = options.getMaxEventBytes();
        this.listeners = listeners;
        this.writer = writer;
        this.readers = readers;
        this.appender = new SqliteAppender(clock);
        this.outbox = new SqliteOutbox(writer, readers, clock);
        this.snapshots = new SqliteSnapshotStore(writer, readers);
    }

    /**
     * Opens the ledger in the options' file, creating the file and its directory when missing and bringing its
     * schema to this build's version.
     *
     * @return a future failed with {@code UNAVAILABLE} when the file cannot be opened, or {@code INTERNAL} when it
     *     is not a ledger this build can read
     */
    public static Future<SqliteLedger> open(Vertx vertx, SqliteLedgerOptions options) {
        Objects.requireNonNull(vertx, "vertx");
        SqliteLedgerOptions copy = new SqliteLedgerOptions(Objects.requireNonNull(options, "options"));
        Path file = Path.of(copy.getFile()).toAbsolutePath().normalize();
        Clock clock = Clock.systemUTC();
        return vertx.executeBlocking(() -> {
            List<SqliteConnection> opened = new ArrayList<>();
            try {
                Path directory = file.getParent();
                if (directory != null) {
                    Files.createDirectories(directory);
                }
                SqliteConnection writeConnection = SqliteConnection.open(file, copy, false);
                opened.add(writeConnection);
                SqliteSchema.migrate(writeConnection, SqliteRows.micros(clock.instant()));
                List<SqliteConnection> readConnections = new ArrayList<>();
                for (int i = 0; i < copy.getReadConnections(); i++) {
                    SqliteConnection reader = SqliteConnection.open(file, copy, true);
                    opened.add(reader);
                    readConnections.add(reader);
                }
                AppendListeners listeners = new AppendListeners();
                SqliteWriter writer = new SqliteWriter(vertx, writeConnection, storeName(file),
                        copy.getMaxWritesPerCommit(), listeners::fire);
                return new SqliteLedger(file, copy, listeners, writer,
                        new SqliteReaders(vertx, storeName(file), readConnections), clock);
            } catch (SQLException | IOException | RuntimeException e) {
                opened.forEach(SqliteConnection::close);
                throw SqliteErrors.map(e, storeName(file));
            }
        }, false);
    }

    /** The database file, as an absolute path. */
    public Path file() {
        return file;
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> messages) {
        PendingAppend pending;
        try {
            AppendChecks.check(appends, maxEventBytes);
            pending = PendingAppend.encode(appends, Objects.requireNonNull(messages, "outbox"));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return writer.submit(db -> appender.append(db, pending), true);
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> messages,
                                       InboxEntry received) {
        PendingAppend pending;
        try {
            AppendChecks.check(appends, maxEventBytes);
            pending = PendingAppend.encode(appends, Objects.requireNonNull(messages, "outbox"),
                    Objects.requireNonNull(received, "received"));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return writer.submit(db -> appender.append(db, pending), true);
    }

    @Override
    public Future<Boolean> markHandled(InboxEntry received) {
        Objects.requireNonNull(received, "received");
        return writer.submit(db -> appender.recordInbox(db, received), false);
    }

    @Override
    public Future<Boolean> handled(UUID messageId) {
        Objects.requireNonNull(messageId, "messageId");
        return readers.submit(db -> SqliteAppender.inboxHolds(db, messageId));
    }

    @Override
    public boolean keepsInbox() {
        return true;
    }

    @Override
    public Future<StreamSlice> readStream(String tenant, StreamId stream, long fromVersion, int maxCount) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(stream, "stream");
        return readers.submit(db -> {
            // one read transaction, so the events and the stream's version are of the same commit
            db.exec("BEGIN");
            long version = db.queryLong(STREAM_VERSION, 0, tenant, stream.value());
            long from = Math.max(0, Math.min(version, fromVersion - 1));
            long to = Math.min(version, from + Math.max(0, maxCount));
            List<RecordedEvent> events = new ArrayList<>((int) (to - from));
            if (to > from) {
                PreparedStatement query = db.prepare(READ_STREAM);
                query.setString(1, tenant);
                query.setString(2, stream.value());
                query.setLong(3, from);
                query.setLong(4, to);
                try (ResultSet rows = query.executeQuery()) {
                    events.addAll(SqliteRows.events(rows));
                }
            }
            db.exec("COMMIT");
            return new StreamSlice(events, version, to == version);
        });
    }

    @Override
    public Future<StreamInfo> info(String tenant, StreamId stream) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(stream, "stream");
        return readers.submit(db -> {
            PreparedStatement query = db.prepare(INFO);
            query.setString(1, tenant);
            query.setString(2, stream.value());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long version = row.getLong(1);
                if (version == 0) {
                    return new StreamInfo(tenant, stream, 0, null, null);
                }
                return new StreamInfo(tenant, stream, version, SqliteRows.instant(row.getLong(2)),
                        SqliteRows.instant(row.getLong(3)));
            }
        });
    }

    @Override
    public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
        return readers.submit(db -> {
            PreparedStatement query = db.prepare(READ_ALL);
            query.setLong(1, afterPosition);
            query.setInt(2, Math.max(0, maxCount));
            try (ResultSet rows = query.executeQuery()) {
                return SqliteRows.events(rows);
            }
        });
    }

    @Override
    public Future<Long> head() {
        return readers.submit(db -> db.queryLong(HEAD, 0));
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    @Override
    public Runnable onAppend(Runnable listener) {
        return listeners.add(listener);
    }

    /** Lets queued writes commit, then closes every connection; calling it again returns the same future. */
    @Override
    public synchronized Future<Void> close() {
        if (closing == null) {
            closing = writer.close().eventually(() -> readers.close());
        }
        return closing;
    }

    /** How many transactions the writer committed so far. */
    long commits() {
        return writer.commits();
    }

    /** The value of a pragma as the writer connection sees it; for tests of the durability settings. */
    Future<String> writerPragma(String name) {
        return writer.submit(db -> db.pragma(name), false);
    }

    @Override
    public String toString() {
        return store;
    }

    private static String storeName(Path file) {
        return "the SQLite ledger " + file;
    }
}
