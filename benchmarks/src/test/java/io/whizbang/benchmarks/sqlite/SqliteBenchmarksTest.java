package io.whizbang.benchmarks.sqlite;

import io.whizbang.examples.inventory.Stock;
import io.whizbang.ledger.AppendResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQLite benchmarks compare like with like: figure and baseline write, or read, the same rows. */
class SqliteBenchmarksTest {
    @Test
    void theBatchedAppendAndTheRawInsertWriteTheSameNumberOfRows() throws Exception {
        SqliteBatchAppendBenchmark benchmark = new SqliteBatchAppendBenchmark();
        benchmark.setUp();
        try {
            AppendResult appended = benchmark.ledgerAppend();
            int inserted = benchmark.rawMultiRowInsert();

            assertThat(appended.version()).isEqualTo(SqliteBatchAppendBenchmark.EVENTS);
            assertThat(inserted).isEqualTo(SqliteBatchAppendBenchmark.EVENTS);
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void theSmallAppendWritesOneToThreeEventsAndTheRawTransactionOneRow() throws Exception {
        SqliteSmallAppendBenchmark benchmark = new SqliteSmallAppendBenchmark();
        benchmark.setUp();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(benchmark.ledgerAppend().version()).isBetween(1L, 3L);
            }
            assertThat(benchmark.rawOneRowTransaction()).isEqualTo(1);
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void theLedgerAndTheRawReadRehydrateTheSameStock() throws Exception {
        SqliteRehydrateBenchmark benchmark = new SqliteRehydrateBenchmark();
        benchmark.setUp();
        try {
            Stock fromLedger = benchmark.ledgerRehydrate();

            assertThat(fromLedger).isEqualTo(benchmark.rawRehydrate());
            assertThat(fromLedger.onHand()).isEqualTo(SqliteRehydrateBenchmark.EVENTS / 2 * 10);
        } finally {
            benchmark.tearDown();
        }
    }
}
