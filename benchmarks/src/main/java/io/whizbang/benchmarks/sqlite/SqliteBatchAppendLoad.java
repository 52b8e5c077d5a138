package io.whizbang.benchmarks.sqlite;

import io.vertx.core.Vertx;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.eventstore.sqlite.SqliteLedgerOptions;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.StreamId;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The batched append of {@link SqliteBatchAppendBenchmark}, with the figure and the baseline interleaved: each round
 * appends 100 events through the ledger, then inserts 100 raw rows, so that the drift of a shared machine falls on
 * both alike. Prints the mean and the percentiles of each, and their ratio.
 *
 * <p>{@code java -cp benchmarks.jar io.whizbang.benchmarks.sqlite.SqliteBatchAppendLoad [FULL|NORMAL] [rounds]}
 */
public final class SqliteBatchAppendLoad {
    private static final int WARMUP_ROUNDS = 1000;

    private SqliteBatchAppendLoad() {
    }

    public static void main(String[] args) throws SQLException {
        SqliteLedgerOptions.Synchronous synchronous = args.length > 0
                ? SqliteLedgerOptions.Synchronous.valueOf(args[0].toUpperCase(Locale.ROOT))
                : SqliteLedgerOptions.DEFAULT_SYNCHRONOUS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Path directory = SqliteBench.directory();
        Vertx vertx = Vertx.vertx();
        try {
            SqliteLedger ledger = SqliteBench.ledger(vertx, directory.resolve("ledger.db"), synchronous);
            try (Connection raw = SqliteBench.raw(vertx, directory.resolve("raw.db"), synchronous);
                 PreparedStatement insert = raw.prepareStatement(
                         SqliteBench.insertSql(SqliteBatchAppendBenchmark.EVENTS))) {
                long[] ledgerNanos = new long[rounds];
                long[] rawNanos = new long[rounds];
                for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
                    long start = System.nanoTime();
                    List<EventData> events = SqliteBench.events(SqliteBatchAppendBenchmark.EVENTS);
                    SqliteBench.await(ledger.append(SqliteBench.TENANT, StreamId.of("Order", round),
                            ExpectedVersion.noStream(), events));
                    long appended = System.nanoTime();
                    List<EventData> rows = SqliteBench.events(SqliteBatchAppendBenchmark.EVENTS);
                    SqliteBench.exec(raw, "BEGIN IMMEDIATE");
                    SqliteBench.bind(insert, "Order-" + round, 1, rows);
                    insert.executeUpdate();
                    SqliteBench.exec(raw, "COMMIT");
                    long inserted = System.nanoTime();
                    if (round >= 0) {
                        ledgerNanos[round] = appended - start;
                        rawNanos[round] = inserted - appended;
                    }
                }
                report(synchronous, rounds, ledgerNanos, rawNanos);
            } finally {
                SqliteBench.await(ledger.close());
            }
        } finally {
            SqliteBench.await(vertx.close());
            SqliteBench.delete(directory);
        }
    }

    private static void report(SqliteLedgerOptions.Synchronous synchronous, int rounds, long[] ledger, long[] raw) {
        double ledgerMean = Arrays.stream(ledger).average().orElse(0) / 1000;
        double rawMean = Arrays.stream(raw).average().orElse(0) / 1000;
        Arrays.sort(ledger);
        Arrays.sort(raw);
        System.out.printf(Locale.ROOT, "synchronous=%s, %d interleaved rounds of %d events%n", synchronous, rounds,
                SqliteBatchAppendBenchmark.EVENTS);
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s%n", "", "mean us", "p50 us", "p99 us");
        System.out.printf(Locale.ROOT, "%-22s %10.0f %10.0f %10.0f%n", "ledger append", ledgerMean,
                percentile(ledger, 0.50), percentile(ledger, 0.99));
        System.out.printf(Locale.ROOT, "%-22s %10.0f %10.0f %10.0f%n", "raw multi-row INSERT", rawMean,
                percentile(raw, 0.50), percentile(raw, 0.99));
        System.out.printf(Locale.ROOT, "ratio (raw time / ledger time): mean %.0f%%, p50 %.0f%%%n",
                100 * rawMean / ledgerMean, 100 * percentile(raw, 0.50) / percentile(ledger, 0.50));
    }

    private static double percentile(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1000.0;
    }
}
