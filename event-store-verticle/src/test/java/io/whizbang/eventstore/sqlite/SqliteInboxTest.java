package io.whizbang.eventstore.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.ledger.InboxContractTest;
import io.whizbang.ledger.Ledger;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The SQLite ledger, on a new file per test, against the inbox contract. */
class SqliteInboxTest extends InboxContractTest {
    @TempDir
    Path directory;

    @Override
    protected Future<Ledger> createLedger(Vertx vertx) {
        return SqliteLedger.open(vertx, new SqliteLedgerOptions().setFile(directory.resolve("ledger.db").toString()))
                .map(ledger -> ledger);
    }
}
