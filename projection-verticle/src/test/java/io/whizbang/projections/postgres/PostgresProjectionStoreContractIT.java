package io.whizbang.projections.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.ProjectionStoreContractTest;

/** The PostgreSQL projection store, in a new schema per test, against the contract every driver passes. */
class PostgresProjectionStoreContractIT extends ProjectionStoreContractTest {
    @Override
    protected Future<ProjectionStore> createStore(Vertx vertx) {
        return PostgresProjectionStore.connect(vertx, PostgresServer.get().freshOptions()).map(store -> store);
    }
}
