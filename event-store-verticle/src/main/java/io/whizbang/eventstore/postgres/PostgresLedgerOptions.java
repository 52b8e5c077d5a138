package io.whizbang.eventstore.postgres;

import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.whizbang.ledger.LedgerOptions;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Options of the PostgreSQL ledger: where the server is, how many connections to keep, the schema the ledger's
 * tables live in and the event size limit.
 *
 * <p>A {@linkplain #setUri connection URI} ({@code postgresql://user:secret@host:5432/db}), when set, takes the place
 * of host, port, database, user and password.
 */
public class PostgresLedgerOptions {
    /** Default server host. */
    public static final String DEFAULT_HOST = "localhost";
    /** Default server port. */
    public static final int DEFAULT_PORT = 5432;
    /** Default database. */
    public static final String DEFAULT_DATABASE = "whizbang";
    /** Default user; it owns the ledger's tables, which row-level security does not restrict for their owner. */
    public static final String DEFAULT_USER = "whizbang";
    /** Default password: none. */
    public static final String DEFAULT_PASSWORD = null;
    /** Default schema of the ledger's tables, functions and notification channels. */
    public static final String DEFAULT_SCHEMA = "whizbang";
    /** Default number of pooled connections. */
    public static final int DEFAULT_POOL_SIZE = 8;
    /** Default number of statements sent on one connection before the first answer arrives. */
    public static final int DEFAULT_PIPELINING_LIMIT = 256;
    /** Default largest encoded event: the same 1 MiB as every driver. */
    public static final int DEFAULT_MAX_EVENT_BYTES = LedgerOptions.DEFAULT_MAX_EVENT_BYTES;
    /** Default longest wait between two attempts to re-open the LISTEN connection. */
    public static final long DEFAULT_MAX_RECONNECT_DELAY_MILLIS = 5_000;

    /** Lower-case SQL identifiers only, so the schema can be spliced into statements without quoting. */
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,47}");

    private String uri;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private String database = DEFAULT_DATABASE;
    private String user = DEFAULT_USER;
    private String password = DEFAULT_PASSWORD;
    private String schema = DEFAULT_SCHEMA;
    private int poolSize = DEFAULT_POOL_SIZE;
    private int pipeliningLimit = DEFAULT_PIPELINING_LIMIT;
    private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
    private long maxReconnectDelayMillis = DEFAULT_MAX_RECONNECT_DELAY_MILLIS;

    public PostgresLedgerOptions() {
    }

    public PostgresLedgerOptions(PostgresLedgerOptions other) {
        this(other.toJson());
    }

    public PostgresLedgerOptions(JsonObject json) {
        if (json.getString("uri") != null) {
            setUri(json.getString("uri"));
        }
        setHost(json.getString("host", DEFAULT_HOST));
        setPort(json.getInteger("port", DEFAULT_PORT));
        setDatabase(json.getString("database", DEFAULT_DATABASE));
        setUser(json.getString("user", DEFAULT_USER));
        setPassword(json.getString("password", DEFAULT_PASSWORD));
        setSchema(json.getString("schema", DEFAULT_SCHEMA));
        setPoolSize(json.getInteger("poolSize", DEFAULT_POOL_SIZE));
        setPipeliningLimit(json.getInteger("pipeliningLimit", DEFAULT_PIPELINING_LIMIT));
        setMaxEventBytes(json.getInteger("maxEventBytes", DEFAULT_MAX_EVENT_BYTES));
        setMaxReconnectDelayMillis(json.getLong("maxReconnectDelayMillis", DEFAULT_MAX_RECONNECT_DELAY_MILLIS));
    }

    /** The connection URI, or null when host, port, database, user and password are used. */
    public String getUri() {
        return uri;
    }

    /**
     * Sets a connection URI such as {@code postgresql://user:secret@host:5432/db}; it takes the place of host, port,
     * database, user and password. Null clears it.
     */
    public PostgresLedgerOptions setUri(String uri) {
        if (uri != null) {
            try {
                PgConnectOptions.fromUri(uri);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("uri is not a PostgreSQL connection URI: " + e.getMessage(), e);
            }
        }
        this.uri = uri;
        return this;
    }

    public String getHost() {
        return host;
    }

    /** Sets the server host; not blank. */
    public PostgresLedgerOptions setHost(String host) {
        this.host = notBlank(host, "host");
        return this;
    }

    public int getPort() {
        return port;
    }

    /** Sets the server port, 1-65535. */
    public PostgresLedgerOptions setPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        this.port = port;
        return this;
    }

    public String getDatabase() {
        return database;
    }

    /** Sets the database; not blank. */
    public PostgresLedgerOptions setDatabase(String database) {
        this.database = notBlank(database, "database");
        return this;
    }

    public String getUser() {
        return user;
    }

    /** Sets the user; not blank. The user owns the ledger's tables once it has migrated them. */
    public PostgresLedgerOptions setUser(String user) {
        this.user = notBlank(user, "user");
        return this;
    }

    public String getPassword() {
        return password;
    }

    /** Sets the password; null for none. */
    public PostgresLedgerOptions setPassword(String password) {
        this.password = password;
        return this;
    }

    /** The schema of the ledger's tables; also the prefix of its notification channels. */
    public String getSchema() {
        return schema;
    }

    /**
     * Sets the schema: a lower-case SQL identifier of at most 48 characters, created by the driver when missing. The
     * notification channel is {@code <schema>_appended}.
     */
    public PostgresLedgerOptions setSchema(String schema) {
        Objects.requireNonNull(schema, "schema");
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier (letters, digits,"
                    + " underscores, at most 48), was \"" + schema + "\"");
        }
        this.schema = schema;
        return this;
    }

    public int getPoolSize() {
        return poolSize;
    }

    /** Sets the number of pooled connections, 1-1024; one more connection listens for notifications. */
    public PostgresLedgerOptions setPoolSize(int poolSize) {
        if (poolSize < 1 || poolSize > 1024) {
            throw new IllegalArgumentException("poolSize must be 1-1024, was " + poolSize);
        }
        this.poolSize = poolSize;
        return this;
    }

    public int getPipeliningLimit() {
        return pipeliningLimit;
    }

    /** Sets how many statements go out on one connection before the first answer, 1 (no pipelining) to 1024. */
    public PostgresLedgerOptions setPipeliningLimit(int pipeliningLimit) {
        if (pipeliningLimit < 1 || pipeliningLimit > 1024) {
            throw new IllegalArgumentException("pipeliningLimit must be 1-1024, was " + pipeliningLimit);
        }
        this.pipeliningLimit = pipeliningLimit;
        return this;
    }

    /** The largest payload plus metadata of one event, in bytes of JSON. */
    public int getMaxEventBytes() {
        return maxEventBytes;
    }

    /** Sets the largest event; at least 1 KiB. */
    public PostgresLedgerOptions setMaxEventBytes(int maxEventBytes) {
        if (maxEventBytes < 1024) {
            throw new IllegalArgumentException("maxEventBytes must be at least 1024, was " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
        return this;
    }

    /** The longest wait between two attempts to re-open the connection that listens for notifications. */
    public long getMaxReconnectDelayMillis() {
        return maxReconnectDelayMillis;
    }

    /** Sets the longest wait between reconnection attempts, 10 ms to 10 minutes. */
    public PostgresLedgerOptions setMaxReconnectDelayMillis(long maxReconnectDelayMillis) {
        if (maxReconnectDelayMillis < 10 || maxReconnectDelayMillis > 600_000) {
            throw new IllegalArgumentException("maxReconnectDelayMillis must be 10-600000, was "
                    + maxReconnectDelayMillis);
        }
        this.maxReconnectDelayMillis = maxReconnectDelayMillis;
        return this;
    }

    /** The client's connection options for these settings, pipelined and caching prepared statements. */
    public PgConnectOptions connectOptions() {
        PgConnectOptions options = uri != null ? PgConnectOptions.fromUri(uri)
                : new PgConnectOptions().setHost(host).setPort(port).setDatabase(database).setUser(user);
        if (uri == null && password != null) {
            options.setPassword(password);
        }
        // Generic plans: the statements look rows up by key, and re-planning the append statement for every call
        // (as PostgreSQL does when it estimates a custom plan cheaper) costs more than running it.
        return options.setPipeliningLimit(pipeliningLimit)
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheSqlLimit(16 * 1024)
                .addProperty("plan_cache_mode", "force_generic_plan");
    }

    /** Where the ledger lives, for messages: {@code postgresql host:port/database}; never the password. */
    String describe() {
        PgConnectOptions options = connectOptions();
        return "PostgreSQL at " + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
    }

    /** The options as JSON; the password is included, so do not log it. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("host", host)
                .put("port", port)
                .put("database", database)
                .put("user", user)
                .put("schema", schema)
                .put("poolSize", poolSize)
                .put("pipeliningLimit", pipeliningLimit)
                .put("maxEventBytes", maxEventBytes)
                .put("maxReconnectDelayMillis", maxReconnectDelayMillis);
        if (uri != null) {
            json.put("uri", uri);
        }
        if (password != null) {
            json.put("password", password);
        }
        return json;
    }

    private static String notBlank(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }
}
