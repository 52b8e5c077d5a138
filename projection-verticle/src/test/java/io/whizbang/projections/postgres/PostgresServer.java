package io.whizbang.projections.postgres;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL the tests of this JVM share: the server named by {@code WHIZBANG_PG_URL}
 * ({@code postgresql://user:secret@host:port/db}) when it is set, else one embedded PostgreSQL 18 started on first use
 * and stopped when the JVM exits. Each store under test gets a schema of its own, so tests never see each other's
 * rows.
 */
public final class PostgresServer {
    /** The environment variable naming an external server. */
    public static final String URL_VARIABLE = "WHIZBANG_PG_URL";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static PostgresServer shared;

    private final PgConnectOptions connectOptions;

    private PostgresServer(PgConnectOptions connectOptions) {
        this.connectOptions = connectOptions;
    }

    /** The shared server, started on first use. */
    public static synchronized PostgresServer get() {
        if (shared == null) {
            String url = System.getenv(URL_VARIABLE);
            shared = new PostgresServer(url != null && !url.isBlank() ? PgConnectOptions.fromUri(url)
                    : connectOptions(startEmbedded()));
        }
        return shared;
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            // runs initdb in a user namespace, so this works as root too
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static PgConnectOptions connectOptions(EmbeddedPostgres embedded) {
        return new PgConnectOptions().setHost("localhost").setPort(embedded.getPort()).setDatabase("postgres")
                .setUser("postgres");
    }

    /** How to reach the server as its administrator. */
    public PgConnectOptions connectOptions() {
        return new PgConnectOptions(connectOptions);
    }

    /** Store options for this server and a schema no other test uses. */
    public PostgresProjectionStoreOptions freshOptions() {
        return options(connectOptions).setSchema(freshSchema());
    }

    /** A schema name no other test of this JVM uses (nor, likely, of an earlier run against the same server). */
    public static String freshSchema() {
        return "p" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    }

    /** Store options for the server behind the connect options. */
    public static PostgresProjectionStoreOptions options(PgConnectOptions connect) {
        return new PostgresProjectionStoreOptions().setHost(connect.getHost()).setPort(connect.getPort())
                .setDatabase(connect.getDatabase()).setUser(connect.getUser()).setPassword(connect.getPassword())
                .setPoolSize(4);
    }
}
