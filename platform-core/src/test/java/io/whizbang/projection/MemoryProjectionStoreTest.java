package io.whizbang.projection;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** The memory driver against the projection store contract. */
class MemoryProjectionStoreTest extends ProjectionStoreContractTest {
    @Override
    protected Future<ProjectionStore> createStore(Vertx vertx) {
        return Future.succeededFuture(ProjectionStore.memory());
    }
}
