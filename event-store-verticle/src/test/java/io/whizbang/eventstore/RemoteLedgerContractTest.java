package io.whizbang.eventstore;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.LedgerClient;
import io.whizbang.ledger.LedgerContractTest;

import java.util.UUID;

/** A memory ledger served by a {@link LedgerVerticle} and used through a {@link LedgerClient}, against the contract. */
class RemoteLedgerContractTest extends LedgerContractTest {
    @Override
    protected Future<Ledger> createLedger(Vertx vertx) {
        String prefix = "test-" + UUID.randomUUID();
        return vertx.deployVerticle(new LedgerVerticle(Ledger.memory(vertx),
                        new LedgerVerticleOptions().setAddressPrefix(prefix)))
                .map(deployed -> LedgerClient.create(vertx, prefix));
    }
}
