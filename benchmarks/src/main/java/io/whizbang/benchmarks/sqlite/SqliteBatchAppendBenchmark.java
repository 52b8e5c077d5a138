package io.whizbang.benchmarks.sqlite;

import io.vertx.core.Vertx;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.eventstore.sqlite.SqliteLedgerOptions;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.StreamId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One append of 100 events to a new stream through the SQLite ledger, against the same 100 rows written by one raw
 * multi-row INSERT in one transaction, through the same driver with the same connection settings, in the same run.
 *
 * <p>Both build the same events (ids, payload, metadata) on every call; the raw side encodes their JSON and binds
 * it, the ledger checks, encodes, hands the append to its writer thread, checks the stream's version, inserts and
 * commits. Both sides commit with the same durability: {@code synchronous = FULL} (the default) or NORMAL.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SqliteBatchAppendBenchmark {
    static final int EVENTS = 100;

    /** The durability of both sides: FULL (the default, a sync per commit) or NORMAL (no sync per commit). */
    @Param({"FULL", "NORMAL"})
    public SqliteLedgerOptions.Synchronous synchronous = SqliteLedgerOptions.Synchronous.FULL;

    private Path directory;
    private Vertx vertx;
    private SqliteLedger ledger;
    private Connection raw;
    private PreparedStatement rawInsert;
    private long streams;

    @Setup
    public void setUp() throws SQLException {
        directory = SqliteBench.directory();
        vertx = Vertx.vertx();
        ledger = SqliteBench.ledger(vertx, directory.resolve("ledger.db"), synchronous);
        raw = SqliteBench.raw(vertx, directory.resolve("raw.db"), synchronous);
        rawInsert = raw.prepareStatement(SqliteBench.insertSql(EVENTS));
    }

    @TearDown
    public void tearDown() throws SQLException {
        rawInsert.close();
        raw.close();
        SqliteBench.await(ledger.close());
        SqliteBench.await(vertx.close());
        SqliteBench.delete(directory);
    }

    /** The figure: 100 events appended to a new stream, committed. */
    @Benchmark
    public AppendResult ledgerAppend() {
        List<EventData> events = SqliteBench.events(EVENTS);
        return SqliteBench.await(ledger.append(SqliteBench.TENANT, StreamId.of("Order", ++streams),
                ExpectedVersion.noStream(), events));
    }

    /** The baseline: the same 100 rows in one raw multi-row INSERT, committed. */
    @Benchmark
    public int rawMultiRowInsert() throws SQLException {
        List<EventData> events = SqliteBench.events(EVENTS);
        SqliteBench.exec(raw, "BEGIN IMMEDIATE");
        SqliteBench.bind(rawInsert, "Order-" + ++streams, 1, events);
        int rows = rawInsert.executeUpdate();
        SqliteBench.exec(raw, "COMMIT");
        return rows;
    }
}
