package io.whizbang.benchmarks.sqlite;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.inventory.Stock;
import io.whizbang.examples.inventory.StockAggregate;
import io.whizbang.examples.inventory.reserve.StockReserved;
import io.whizbang.examples.inventory.restock.StockRestocked;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.StreamSlice;
import io.whizbang.message.Event;
import io.whizbang.message.MessageIds;
import io.whizbang.message.MessageType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Rehydrating an aggregate of 100 events from the SQLite ledger: read the stream, decode every event through the
 * generated codecs, fold it into the sample's {@link Stock}. The baseline reads the same rows of the same file
 * through a raw JDBC query and decodes and folds them the same way. JMH's sample mode gives the percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SqliteRehydrateBenchmark {
    static final int EVENTS = 100;
    private static final StreamId STREAM = StreamId.of("Inventory", "SKU-1");
    private static final String RAW_READ = "SELECT type, schema_version, payload FROM events"
            + " WHERE tenant = ? AND stream = ? ORDER BY version";

    private final StockAggregate aggregate = new StockAggregate();
    private Path directory;
    private Vertx vertx;
    private SqliteLedger ledger;
    private Codecs codecs;
    private Connection raw;
    private PreparedStatement rawRead;

    @Setup
    public void setUp() throws SQLException {
        directory = SqliteBench.directory();
        vertx = Vertx.vertx();
        codecs = SampleApplicationRegistry.create().codecs();
        ledger = SqliteBench.ledger(vertx, directory.resolve("ledger.db"));
        List<EventData> events = new ArrayList<>();
        for (int n = 0; n < EVENTS; n++) {
            Object event = n % 2 == 0 ? new StockRestocked("SKU-1", 10)
                    : new StockReserved(UUID.randomUUID(), "SKU-1", 3);
            MessageType type = codecs.typeOf(event);
            events.add(new EventData(MessageIds.next(), type.name(), type.schemaVersion(), codecs.encode(event),
                    new JsonObject().put("correlationId", UUID.randomUUID().toString())));
        }
        SqliteBench.await(ledger.append(SqliteBench.TENANT, STREAM, ExpectedVersion.noStream(), events));
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        raw = config.createConnection("jdbc:sqlite:" + directory.resolve("ledger.db"));
        rawRead = raw.prepareStatement(RAW_READ);
    }

    @TearDown
    public void tearDown() throws SQLException {
        rawRead.close();
        raw.close();
        SqliteBench.await(ledger.close());
        SqliteBench.await(vertx.close());
        SqliteBench.delete(directory);
    }

    /** The figure: the stream read through the ledger, decoded and folded. */
    @Benchmark
    public Stock ledgerRehydrate() {
        StreamSlice slice = SqliteBench.await(ledger.readStream(SqliteBench.TENANT, STREAM, 1, 1000));
        Stock state = aggregate.initial();
        for (RecordedEvent event : slice.events()) {
            state = aggregate.evolve(state, (Event) codecs.decode(event.type(), event.schemaVersion(),
                    event.payload()));
        }
        return state;
    }

    /** The baseline: the same rows read by a raw query on the benchmark's thread, decoded and folded. */
    @Benchmark
    public Stock rawRehydrate() throws SQLException {
        rawRead.setString(1, SqliteBench.TENANT);
        rawRead.setString(2, STREAM.value());
        Stock state = aggregate.initial();
        try (ResultSet rows = rawRead.executeQuery()) {
            while (rows.next()) {
                state = aggregate.evolve(state, (Event) codecs.decode(rows.getString(1), rows.getInt(2),
                        new JsonObject(rows.getString(3))));
            }
        }
        return state;
    }
}
