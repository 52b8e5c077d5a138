package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.ledger.InboxContractTest;
import io.whizbang.ledger.Ledger;

/** The PostgreSQL ledger against the inbox contract, each test in a fresh schema. */
class PostgresInboxIT extends InboxContractTest {
    @Override
    protected Future<Ledger> createLedger(Vertx vertx) {
        return PostgresLedger.connect(vertx, PostgresServer.get().freshOptions()).map(ledger -> ledger);
    }
}
