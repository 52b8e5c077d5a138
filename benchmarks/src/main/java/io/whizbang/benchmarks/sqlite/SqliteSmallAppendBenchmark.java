package io.whizbang.benchmarks.sqlite;

import io.vertx.core.Vertx;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.eventstore.sqlite.SqliteLedgerOptions;
import io.whizbang.ledger.AppendResult;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small appends (1, 2 or 3 events, each to a new stream) through the SQLite ledger, against raw one-row-per-transaction
 * INSERTs through the same driver with the same connection settings, at the concurrency given by JMH's {@code -t}.
 *
 * <p>Every JMH thread is one client that waits for its append before the next. The raw side shares one connection
 * between the threads under a lock, the fastest way to write SQLite from several threads (a connection per thread
 * would make them wait in SQLite's busy handler, which sleeps).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(1)
public class SqliteSmallAppendBenchmark {
    private final AtomicLong streams = new AtomicLong();
    /** The durability of both sides: FULL (the default, a sync per commit) or NORMAL (no sync per commit). */
    @Param({"FULL", "NORMAL"})
    public SqliteLedgerOptions.Synchronous synchronous = SqliteLedgerOptions.Synchronous.FULL;

    private Path directory;
    private Vertx vertx;
    private SqliteLedger ledger;
    private Connection raw;
    private PreparedStatement rawInsert;

    @Setup
    public void setUp() throws SQLException {
        directory = SqliteBench.directory();
        vertx = Vertx.vertx();
        ledger = SqliteBench.ledger(vertx, directory.resolve("ledger.db"), synchronous);
        raw = SqliteBench.raw(vertx, directory.resolve("raw.db"), synchronous);
        rawInsert = raw.prepareStatement(SqliteBench.insertSql(1));
    }

    @TearDown
    public void tearDown() throws SQLException {
        rawInsert.close();
        raw.close();
        SqliteBench.await(ledger.close());
        SqliteBench.await(vertx.close());
        SqliteBench.delete(directory);
    }

    /** The figure: one append of 1-3 events to a new stream, committed. */
    @Benchmark
    public AppendResult ledgerAppend() {
        long n = streams.incrementAndGet();
        return SqliteBench.await(ledger.append(SqliteBench.TENANT, StreamId.of("Order", n),
                ExpectedVersion.noStream(), SqliteBench.events(1 + (int) (n % 3))));
    }

    /** The baseline: one row in its own transaction. */
    @Benchmark
    public int rawOneRowTransaction() throws SQLException {
        long n = streams.incrementAndGet();
        var events = SqliteBench.events(1);
        synchronized (raw) {
            SqliteBench.exec(raw, "BEGIN IMMEDIATE");
            SqliteBench.bind(rawInsert, "Order-" + n, 1, events);
            int rows = rawInsert.executeUpdate();
            SqliteBench.exec(raw, "COMMIT");
            return rows;
        }
    }
}
