package io.whizbang.eventstore.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.LedgerContractTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The SQLite ledger, on a new file per test, against the contract every driver passes. */
class SqliteLedgerContractTest extends LedgerContractTest {
    @TempDir
    Path directory;

    @Override
    protected Future<Ledger> createLedger(Vertx vertx) {
        return SqliteLedger.open(vertx, new SqliteLedgerOptions().setFile(directory.resolve("ledger.db").toString()))
                .map(ledger -> ledger);
    }
}
