package io.whizbang.ledger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** The memory driver against the inbox contract. */
class MemoryInboxTest extends InboxContractTest {
    @Override
    protected Future<Ledger> createLedger(Vertx vertx) {
        return Future.succeededFuture(Ledger.memory(vertx));
    }
}
