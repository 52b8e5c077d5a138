package io.whizbang.eventstore.sqlite;

import io.vertx.core.json.JsonObject;
import io.whizbang.ledger.LedgerOptions;

import java.util.Locale;
import java.util.Objects;

/**
 * Options of the SQLite ledger: the database file, the event size limit, how long to wait for a lock held by another
 * process, and how hard each commit is pushed to disk.
 */
public class SqliteLedgerOptions {
    /** Default database file, relative to the working directory. */
    public static final String DEFAULT_FILE = "whizbang.db";
    /** Default largest encoded event: the same 1 MiB as every driver. */
    public static final int DEFAULT_MAX_EVENT_BYTES = LedgerOptions.DEFAULT_MAX_EVENT_BYTES;
    /** Default wait for a lock another process holds on the file, before an operation fails as unavailable. */
    public static final int DEFAULT_BUSY_TIMEOUT_MILLIS = 5000;
    /** Default number of read connections, each with its own thread; writes always use one more connection. */
    public static final int DEFAULT_READ_CONNECTIONS = 2;
    /** Default largest number of queued writes committed together in one transaction. */
    public static final int DEFAULT_MAX_WRITES_PER_COMMIT = 64;
    /** Default durability: {@link Synchronous#FULL}, so an acknowledged append survives a power loss. */
    public static final Synchronous DEFAULT_SYNCHRONOUS = Synchronous.FULL;

    /**
     * How far SQLite pushes a commit to disk before the append is acknowledged ({@code PRAGMA synchronous}; the
     * journal is always in WAL mode).
     */
    public enum Synchronous {
        /**
         * Every commit is synced to the disk before it is acknowledged: it survives a crash of the process, of the
         * operating system and a power loss.
         */
        FULL,
        /**
         * Commits are synced at checkpoints only: they survive a crash of the process, but the last ones may be lost
         * to a crash of the operating system or a power loss. Faster; never the default.
         */
        NORMAL
    }

    private String file = DEFAULT_FILE;
    private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
    private int busyTimeoutMillis = DEFAULT_BUSY_TIMEOUT_MILLIS;
    private int readConnections = DEFAULT_READ_CONNECTIONS;
    private int maxWritesPerCommit = DEFAULT_MAX_WRITES_PER_COMMIT;
    private Synchronous synchronous = DEFAULT_SYNCHRONOUS;

    public SqliteLedgerOptions() {
    }

    public SqliteLedgerOptions(SqliteLedgerOptions other) {
        this(other.toJson());
    }

    public SqliteLedgerOptions(JsonObject json) {
        setFile(json.getString("file", DEFAULT_FILE));
        setMaxEventBytes(json.getInteger("maxEventBytes", DEFAULT_MAX_EVENT_BYTES));
        setBusyTimeoutMillis(json.getInteger("busyTimeoutMillis", DEFAULT_BUSY_TIMEOUT_MILLIS));
        setReadConnections(json.getInteger("readConnections", DEFAULT_READ_CONNECTIONS));
        setMaxWritesPerCommit(json.getInteger("maxWritesPerCommit", DEFAULT_MAX_WRITES_PER_COMMIT));
        String mode = json.getString("synchronous", DEFAULT_SYNCHRONOUS.name());
        try {
            setSynchronous(Synchronous.valueOf(mode.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("synchronous must be FULL or NORMAL, was " + mode, e);
        }
    }

    /** The database file; created with its directory when missing. */
    public String getFile() {
        return file;
    }

    /** Sets the database file; not blank. */
    public SqliteLedgerOptions setFile(String file) {
        Objects.requireNonNull(file, "file");
        if (file.isBlank()) {
            throw new IllegalArgumentException("the SQLite ledger needs a file name");
        }
        this.file = file;
        return this;
    }

    /** The largest payload plus metadata of one event, in bytes of JSON. */
    public int getMaxEventBytes() {
        return maxEventBytes;
    }

    /** Sets the largest event; at least 1 KiB. */
    public SqliteLedgerOptions setMaxEventBytes(int maxEventBytes) {
        if (maxEventBytes < 1024) {
            throw new IllegalArgumentException("maxEventBytes must be at least 1024, was " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
        return this;
    }

    /** How long an operation waits for a lock another process holds on the file. */
    public int getBusyTimeoutMillis() {
        return busyTimeoutMillis;
    }

    /** Sets the wait for another process's lock; 0 or more milliseconds. */
    public SqliteLedgerOptions setBusyTimeoutMillis(int busyTimeoutMillis) {
        if (busyTimeoutMillis < 0) {
            throw new IllegalArgumentException("busyTimeoutMillis cannot be negative, was " + busyTimeoutMillis);
        }
        this.busyTimeoutMillis = busyTimeoutMillis;
        return this;
    }

    /** How many connections (and threads) serve reads. */
    public int getReadConnections() {
        return readConnections;
    }

    /** Sets the number of read connections; 1 to 64. */
    public SqliteLedgerOptions setReadConnections(int readConnections) {
        if (readConnections < 1 || readConnections > 64) {
            throw new IllegalArgumentException("readConnections must be 1-64, was " + readConnections);
        }
        this.readConnections = readConnections;
        return this;
    }

    /**
     * How many queued writes the writer commits together in one transaction; each keeps its own all-or-nothing
     * outcome.
     */
    public int getMaxWritesPerCommit() {
        return maxWritesPerCommit;
    }

    /** Sets the group-commit limit; 1 (one transaction per write) to 1024. */
    public SqliteLedgerOptions setMaxWritesPerCommit(int maxWritesPerCommit) {
        if (maxWritesPerCommit < 1 || maxWritesPerCommit > 1024) {
            throw new IllegalArgumentException("maxWritesPerCommit must be 1-1024, was " + maxWritesPerCommit);
        }
        this.maxWritesPerCommit = maxWritesPerCommit;
        return this;
    }

    /** How far each commit is pushed to disk before it is acknowledged. */
    public Synchronous getSynchronous() {
        return synchronous;
    }

    /** Sets the durability of acknowledged commits. */
    public SqliteLedgerOptions setSynchronous(Synchronous synchronous) {
        this.synchronous = Objects.requireNonNull(synchronous, "synchronous");
        return this;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("file", file)
                .put("maxEventBytes", maxEventBytes)
                .put("busyTimeoutMillis", busyTimeoutMillis)
                .put("readConnections", readConnections)
                .put("maxWritesPerCommit", maxWritesPerCommit)
                .put("synchronous", synchronous.name());
    }
}
