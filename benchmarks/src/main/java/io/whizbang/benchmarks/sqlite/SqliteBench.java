package io.whizbang.benchmarks.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.eventstore.sqlite.SqliteLedgerOptions;
import io.whizbang.ledger.EventData;
import io.whizbang.message.MessageIds;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the SQLite benchmarks share: the files, the raw JDBC connection set up exactly as the driver sets up its
 * own, the events, and the raw INSERT of the same rows the driver writes.
 */
final class SqliteBench {
    static final String TENANT = "acme";
    private static final String INSERT = "INSERT INTO events (tenant, stream, version, event_id, type,"
            + " schema_version, payload, metadata, recorded_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private SqliteBench() {
    }

    /** A new directory for the benchmark's files. */
    static Path directory() {
        try {
            return Files.createTempDirectory("whizbang-sqlite-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the directory and its files. */
    static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ledger on the file, with the default options (WAL, synchronous FULL). */
    static SqliteLedger ledger(Vertx vertx, Path file) {
        return ledger(vertx, file, SqliteLedgerOptions.DEFAULT_SYNCHRONOUS);
    }

    /** The ledger on the file, in WAL mode with the given durability. */
    static SqliteLedger ledger(Vertx vertx, Path file, SqliteLedgerOptions.Synchronous synchronous) {
        return await(SqliteLedger.open(vertx, new SqliteLedgerOptions().setFile(file.toString())
                .setSynchronous(synchronous)));
    }

    /**
     * A raw JDBC connection to a file holding the ledger's tables, set up as the driver sets up its writer: WAL,
     * the same durability, foreign keys, the same busy timeout.
     */
    static Connection raw(Vertx vertx, Path file, SqliteLedgerOptions.Synchronous synchronous) throws SQLException {
        await(ledger(vertx, file, synchronous).close());
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(synchronous == SqliteLedgerOptions.Synchronous.FULL
                ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(SqliteLedgerOptions.DEFAULT_BUSY_TIMEOUT_MILLIS);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    /** Runs a statement without parameters on the raw connection. */
    static void exec(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Waits for the future from a benchmark thread (never an event loop). */
    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the benchmark operation failed", e);
        }
    }

    /** Events shaped like the sample's: a small payload and the envelope's metadata. */
    static List<EventData> events(int count) {
        List<EventData> events = new ArrayList<>(count);
        String correlation = UUID.randomUUID().toString();
        for (int n = 0; n < count; n++) {
            UUID id = MessageIds.next();
            events.add(new EventData(id, "StockReserved", 1,
                    new JsonObject().put("orderId", correlation).put("sku", "SKU-" + n).put("quantity", n + 1),
                    new JsonObject().put("correlationId", correlation).put("causationId", id.toString())
                            .put("principal", "alice").put("tenant", TENANT)));
        }
        return events;
    }

    /** The multi-row INSERT of {@code rows} events. */
    static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder(INSERT);
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ", ").append(ROW);
        }
        return sql.toString();
    }

    /** Binds the events as the rows of a stream starting at {@code version}, as the driver binds them. */
    static void bind(PreparedStatement insert, String stream, long version, List<EventData> events)
            throws SQLException {
        long now = micros(Instant.now());
        int p = 1;
        for (EventData event : events) {
            insert.setString(p++, TENANT);
            insert.setString(p++, stream);
            insert.setLong(p++, version++);
            insert.setString(p++, event.eventId().toString());
            insert.setString(p++, event.type());
            insert.setInt(p++, event.schemaVersion());
            insert.setString(p++, event.payload().encode());
            insert.setString(p++, event.metadata().encode());
            insert.setLong(p++, now);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }
}
