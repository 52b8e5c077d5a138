package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.LedgerContractTest;

/** The PostgreSQL ledger against the contract every driver meets, each test in a fresh schema. */
class PostgresLedgerContractIT extends LedgerContractTest {
    @Override
    protected Future<Ledger> createLedger(Vertx vertx) {
        return PostgresLedger.connect(vertx, PostgresServer.get().freshOptions()).map(ledger -> ledger);
    }
}
