package io.whizbang.projections.sqlite;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * Options of the SQLite projection store: the database file and how long to wait for a lock held by another process.
 *
 * <p>Every commit is synced to disk before it is acknowledged ({@code PRAGMA synchronous = FULL}, write-ahead log),
 * so a checkpoint that was acknowledged is never lost and a saga never runs a step twice after a crash.
 */
public class SqliteProjectionStoreOptions {
    /** Default database file, relative to the working directory. */
    public static final String DEFAULT_FILE = "whizbang-projections.db";
    /** Default wait for a lock another process holds on the file, before an operation fails as unavailable. */
    public static final int DEFAULT_BUSY_TIMEOUT_MILLIS = 5000;

    private String file = DEFAULT_FILE;
    private int busyTimeoutMillis = DEFAULT_BUSY_TIMEOUT_MILLIS;

    public SqliteProjectionStoreOptions() {
    }

    public SqliteProjectionStoreOptions(SqliteProjectionStoreOptions other) {
        this(other.toJson());
    }

    public SqliteProjectionStoreOptions(JsonObject json) {
        setFile(json.getString("file", DEFAULT_FILE));
        setBusyTimeoutMillis(json.getInteger("busyTimeoutMillis", DEFAULT_BUSY_TIMEOUT_MILLIS));
    }

    /** The database file; created with its directory when missing. */
    public String getFile() {
        return file;
    }

    /** Sets the database file; not blank. */
    public SqliteProjectionStoreOptions setFile(String file) {
        Objects.requireNonNull(file, "file");
        if (file.isBlank()) {
            throw new IllegalArgumentException("the SQLite projection store needs a file name");
        }
        this.file = file;
        return this;
    }

    /** How long an operation waits for a lock another process holds on the file. */
    public int getBusyTimeoutMillis() {
        return busyTimeoutMillis;
    }

    /** Sets the wait for another process's lock; 0 or more milliseconds. */
    public SqliteProjectionStoreOptions setBusyTimeoutMillis(int busyTimeoutMillis) {
        if (busyTimeoutMillis < 0) {
            throw new IllegalArgumentException("busyTimeoutMillis cannot be negative, was " + busyTimeoutMillis);
        }
        this.busyTimeoutMillis = busyTimeoutMillis;
        return this;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("file", file)
                .put("busyTimeoutMillis", busyTimeoutMillis);
    }
}
