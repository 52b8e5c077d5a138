package io.whizbang.projections.postgres;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Options of the PostgreSQL projection store: where the server is, how many connections to keep, the schema the
 * store's tables live in, and the fields of each collection that get an index.
 *
 * <p>A {@linkplain #setUri connection URI} ({@code postgres://user:secret@host:5432/db} or {@code postgresql://...}),
 * when set, takes the place of host, port, database, user and password.
 */
public class PostgresProjectionStoreOptions {
    /** Default server host. */
    public static final String DEFAULT_HOST = "localhost";
    /** Default server port. */
    public static final int DEFAULT_PORT = 5432;
    /** Default database. */
    public static final String DEFAULT_DATABASE = "whizbang";
    /** Default user; it owns the store's tables, which row-level security does not restrict for their owner. */
    public static final String DEFAULT_USER = "whizbang";
    /** Default password: none. */
    public static final String DEFAULT_PASSWORD = null;
    /**
     * Default schema of the store's tables: not the ledger's {@code whizbang}, so the two keep their own migration
     * histories when they share a database.
     */
    public static final String DEFAULT_SCHEMA = "whizbang_projections";
    /** Default number of pooled connections. */
    public static final int DEFAULT_POOL_SIZE = 8;
    /** Default number of statements sent on one connection before the first answer arrives. */
    public static final int DEFAULT_PIPELINING_LIMIT = 256;

    /** Default: every commit waits for its log flush, so an acknowledged commit survives a server crash. */
    public static final boolean DEFAULT_SYNCHRONOUS_COMMIT = true;

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
    private boolean synchronousCommit = DEFAULT_SYNCHRONOUS_COMMIT;
    private final Set<DocumentIndex> indexes = new LinkedHashSet<>();

    public PostgresProjectionStoreOptions() {
    }

    public PostgresProjectionStoreOptions(PostgresProjectionStoreOptions other) {
        this(other.toJson());
    }

    public PostgresProjectionStoreOptions(JsonObject json) {
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
        setSynchronousCommit(json.getBoolean("synchronousCommit", DEFAULT_SYNCHRONOUS_COMMIT));
        JsonArray declared = json.getJsonArray("indexes", new JsonArray());
        for (int i = 0; i < declared.size(); i++) {
            JsonObject index = declared.getJsonObject(i);
            addIndex(index.getString("collection"), index.getString("field"));
        }
    }

    /** Options for the server, database and credentials of a URI, all else default. */
    public static PostgresProjectionStoreOptions fromUri(String uri) {
        return new PostgresProjectionStoreOptions().setUri(Objects.requireNonNull(uri, "uri"));
    }

    /** The connection URI, or null when host, port, database, user and password are used. */
    public String getUri() {
        return uri;
    }

    /**
     * Sets a connection URI such as {@code postgres://user:secret@host:5432/db}; it takes the place of host, port,
     * database, user and password. Null clears it.
     */
    public PostgresProjectionStoreOptions setUri(String uri) {
        if (uri != null) {
            try {
                PgConnectOptions.fromUri(uri);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("uri is not a PostgreSQL connection URI"
                        + " (postgres://user:secret@host:5432/db): " + e.getMessage(), e);
            }
        }
        this.uri = uri;
        return this;
    }

    public String getHost() {
        return host;
    }

    /** Sets the server host; not blank. */
    public PostgresProjectionStoreOptions setHost(String host) {
        this.host = notBlank(host, "host");
        return this;
    }

    public int getPort() {
        return port;
    }

    /** Sets the server port, 1-65535. */
    public PostgresProjectionStoreOptions setPort(int port) {
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
    public PostgresProjectionStoreOptions setDatabase(String database) {
        this.database = notBlank(database, "database");
        return this;
    }

    public String getUser() {
        return user;
    }

    /** Sets the user; not blank. The user owns the store's tables once it has migrated them. */
    public PostgresProjectionStoreOptions setUser(String user) {
        this.user = notBlank(user, "user");
        return this;
    }

    public String getPassword() {
        return password;
    }

    /** Sets the password; null for none. */
    public PostgresProjectionStoreOptions setPassword(String password) {
        this.password = password;
        return this;
    }

    /** The schema of the store's tables. */
    public String getSchema() {
        return schema;
    }

    /** Sets the schema: a lower-case SQL identifier of at most 48 characters, created by the store when missing. */
    public PostgresProjectionStoreOptions setSchema(String schema) {
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

    /** Sets the number of pooled connections, 1-1024. */
    public PostgresProjectionStoreOptions setPoolSize(int poolSize) {
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
    public PostgresProjectionStoreOptions setPipeliningLimit(int pipeliningLimit) {
        if (pipeliningLimit < 1 || pipeliningLimit > 1024) {
            throw new IllegalArgumentException("pipeliningLimit must be 1-1024, was " + pipeliningLimit);
        }
        this.pipeliningLimit = pipeliningLimit;
        return this;
    }

    /** Whether a commit is acknowledged only once the server flushed it to disk. */
    public boolean isSynchronousCommit() {
        return synchronousCommit;
    }

    /**
     * Sets whether a commit waits for the server's log flush ({@code synchronous_commit} of the store's sessions).
     * Off, a batch is acknowledged before its flush, and a crash of the <em>server</em> may lose the last batches
     * acknowledged; they are lost together with their checkpoint (a batch and its checkpoint are one transaction, and
     * PostgreSQL recovers a prefix of the committed transactions), so the perspectives replay them from the ledger
     * to the same read model. Only for stores that hold nothing but read models: a saga's state or any document
     * whose commit had effects outside the store must stay synchronous, which is the default.
     */
    public PostgresProjectionStoreOptions setSynchronousCommit(boolean synchronousCommit) {
        this.synchronousCommit = synchronousCommit;
        return this;
    }

    /** The indexes the perspectives declared, in the order they were added. */
    public List<DocumentIndex> getIndexes() {
        return new ArrayList<>(indexes);
    }

    /**
     * Declares an index on a top-level field of a collection's documents, created when the store opens (if
     * missing). It serves the lens queries that filter on that field or sort by it.
     */
    public PostgresProjectionStoreOptions addIndex(String collection, String field) {
        indexes.add(new DocumentIndex(collection, field));
        return this;
    }

    /** The client's connection options for these settings, pipelined and caching prepared statements. */
    public PgConnectOptions connectOptions() {
        PgConnectOptions options = uri != null ? PgConnectOptions.fromUri(uri)
                : new PgConnectOptions().setHost(host).setPort(port).setDatabase(database).setUser(user);
        if (uri == null && password != null) {
            options.setPassword(password);
        }
        options.setPipeliningLimit(pipeliningLimit)
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheSqlLimit(16 * 1024);
        if (!synchronousCommit) {
            options.addProperty("synchronous_commit", "off");
        }
        return options;
    }

    /** Where the store lives, for messages: never the password. */
    String describe() {
        PgConnectOptions options = connectOptions();
        return "the PostgreSQL projection store at " + options.getHost() + ":" + options.getPort() + "/"
                + options.getDatabase() + " (schema " + schema + ")";
    }

    /** The options as JSON; the password is included, so do not log it. */
    public JsonObject toJson() {
        JsonArray declared = new JsonArray();
        indexes.forEach(index -> declared.add(new JsonObject().put("collection", index.collection())
                .put("field", index.field())));
        JsonObject json = new JsonObject()
                .put("host", host)
                .put("port", port)
                .put("database", database)
                .put("user", user)
                .put("schema", schema)
                .put("poolSize", poolSize)
                .put("pipeliningLimit", pipeliningLimit)
                .put("synchronousCommit", synchronousCommit)
                .put("indexes", declared);
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
