package io.whizbang.eventstore.postgres;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL the tests of this JVM share: the server named by {@code WHIZBANG_PG_URL}
 * ({@code postgresql://user:secret@host:port/db}) when it is set, else one embedded PostgreSQL started on first use
 * and stopped when the JVM exits. Each ledger under test gets a schema of its own, so tests never see each other's
 * rows.
 */
final class PostgresServer {
    /** The environment variable naming an external server. */
    static final String URL_VARIABLE = "WHIZBANG_PG_URL";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static PostgresServer shared;

    private final PgConnectOptions connectOptions;

    private PostgresServer(PgConnectOptions connectOptions) {
        this.connectOptions = connectOptions;
    }

    /** The shared server, started on first use. */
    static synchronized PostgresServer get() {
        if (shared == null) {
            String url = System.getenv(URL_VARIABLE);
            shared = new PostgresServer(url != null && !url.isBlank() ? PgConnectOptions.fromUri(url)
                    : connectOptions(startEmbedded(EmbeddedPostgres.builder())));
        }
        return shared;
    }

    /** Whether the tests run against an external server, which they must not stop. */
    static boolean external() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /** Starts an embedded server (it runs initdb in a user namespace, so this works as root too). */
    static EmbeddedPostgres startEmbedded(EmbeddedPostgres.Builder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** How to reach an embedded server as its superuser. */
    static PgConnectOptions connectOptions(EmbeddedPostgres embedded) {
        return new PgConnectOptions().setHost("localhost").setPort(embedded.getPort()).setDatabase("postgres")
                .setUser("postgres");
    }

    /** How to reach the server as the ledger's user. */
    PgConnectOptions connectOptions() {
        return new PgConnectOptions(connectOptions);
    }

    /** Ledger options for this server and a schema no other test uses. */
    PostgresLedgerOptions freshOptions() {
        return options(connectOptions).setSchema(freshSchema());
    }

    /** A schema name no other test of this JVM uses (nor, likely, of an earlier run against the same server). */
    static String freshSchema() {
        return "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    }

    /** Ledger options for the server behind the connect options. */
    static PostgresLedgerOptions options(PgConnectOptions connect) {
        return new PostgresLedgerOptions().setHost(connect.getHost()).setPort(connect.getPort())
                .setDatabase(connect.getDatabase()).setUser(connect.getUser()).setPassword(connect.getPassword())
                .setPoolSize(4);
    }
}
