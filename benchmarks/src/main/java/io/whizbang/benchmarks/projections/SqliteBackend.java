package io.whizbang.benchmarks.projections;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.eventstore.sqlite.SqliteLedgerOptions;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projections.sqlite.SqliteProjectionStore;
import io.whizbang.projections.sqlite.SqliteProjectionStoreOptions;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The SQLite ledger and SQLite projection stores with their defaults (WAL, {@code synchronous = FULL}), each in a
 * file of its own, and a raw JDBC connection to the ledger's file (sqlite-jdbc, the driver's client) for the
 * baseline.
 */
final class SqliteBackend implements Backend {
    private final Path directory;
    private final Vertx vertx;
    private final Path ledgerFile;
    private SqliteLedger ledger;

    private SqliteBackend(Path directory, Vertx vertx) {
        this.directory = directory;
        this.vertx = vertx;
        this.ledgerFile = directory.resolve("ledger.db");
    }

    static SqliteBackend start() throws IOException {
        SqliteBackend backend = new SqliteBackend(Files.createTempDirectory("whizbang-sqlite-projection-bench"),
                Vertx.vertx());
        backend.ledger = backend.openLedger();
        return backend;
    }

    private SqliteLedger openLedger() {
        return Bench.await(SqliteLedger.open(vertx, new SqliteLedgerOptions().setFile(ledgerFile.toString())));
    }

    @Override
    public String describe() {
        return "SQLite ledger and SQLite projection store (sqlite-jdbc, WAL, synchronous=FULL), files in "
                + directory;
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public Ledger ledger() {
        return ledger;
    }

    /** A raw connection to the ledger's file, set up as the driver sets up its own. */
    private Connection raw() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(SqliteLedgerOptions.DEFAULT_BUSY_TIMEOUT_MILLIS);
        return config.createConnection("jdbc:sqlite:" + ledgerFile);
    }

    @Override
    public void seed(int events, int skus) throws SQLException {
        // the ledger is closed meanwhile, so nothing it keeps in memory goes stale; one INSERT ... SELECT over a
        // recursive counter: the ledger's own append path would take minutes for 1,000,000
        Bench.await(ledger.close());
        try (Connection connection = raw(); Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("INSERT INTO events (position, tenant, stream, version, event_id, type,"
                    + " schema_version, payload, metadata, recorded_at)"
                    + " WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < "
                    + events + ")"
                    + " SELECT n, '" + Bench.TENANT + "', 'Stock-' || (n % " + skus + "), n / " + skus + " + 1,"
                    + " " + uuid("h") + ", 'StockRestocked', 1,"
                    + " json_object('sku', 'SKU-' || (n % " + skus + "), 'quantity', n % 7 + 1),"
                    + " json_object('correlationId', " + uuid("c") + ", 'subject', 'bench'),"
                    + " CAST(strftime('%s', 'now') AS INTEGER) * 1000000"
                    + " FROM (SELECT n, hex(randomblob(16)) AS h, hex(randomblob(16)) AS c FROM counter)");
            statement.execute("COMMIT");
        }
        ledger = openLedger();
    }

    /** A version-4-shaped UUID, as text, from the 32 hex digits in the column. */
    private static String uuid(String hex) {
        return "lower(substr(" + hex + ", 1, 8) || '-' || substr(" + hex + ", 9, 4) || '-4' || substr(" + hex
                + ", 14, 3) || '-a' || substr(" + hex + ", 18, 3) || '-' || substr(" + hex + ", 21, 12))";
    }

    @Override
    public Future<ProjectionStore> newStore(int round) {
        return SqliteProjectionStore.open(vertx, new SqliteProjectionStoreOptions()
                .setFile(directory.resolve("projections-" + round + ".db").toString())).map(store -> store);
    }

    @Override
    public long rawRead(int pageSize) throws SQLException {
        long read = 0;
        long after = 0;
        try (Connection connection = raw();
             PreparedStatement select = connection.prepareStatement("SELECT position, tenant, stream, version,"
                     + " event_id, type, schema_version, payload, metadata, recorded_at FROM events"
                     + " WHERE position > ? ORDER BY position LIMIT ?")) {
            while (true) {
                select.setLong(1, after);
                select.setInt(2, pageSize);
                int rows = 0;
                try (ResultSet page = select.executeQuery()) {
                    while (page.next()) {
                        after = page.getLong(1);
                        page.getString(2);
                        page.getString(3);
                        page.getLong(4);
                        page.getString(5);
                        page.getString(6);
                        page.getInt(7);
                        page.getString(8);
                        page.getString(9);
                        page.getLong(10);
                        rows++;
                    }
                }
                read += rows;
                if (rows < pageSize) {
                    return read;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        Bench.await(ledger.close());
        Bench.await(vertx.close());
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
