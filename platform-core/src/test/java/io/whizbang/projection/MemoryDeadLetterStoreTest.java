package io.whizbang.projection;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

class MemoryDeadLetterStoreTest extends DeadLetterStoreContractTest {
    @Override
    protected Future<DeadLetterStore> createStore(Vertx vertx) {
        return Future.succeededFuture(DeadLetterStore.memory());
    }
}
