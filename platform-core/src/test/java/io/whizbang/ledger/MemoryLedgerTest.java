package io.whizbang.ledger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** The memory driver against the ledger contract. */
class MemoryLedgerTest extends LedgerContractTest {
    @Override
    protected Future<Ledger> createLedger(Vertx vertx) {
        return Future.succeededFuture(Ledger.memory(vertx));
    }
}
