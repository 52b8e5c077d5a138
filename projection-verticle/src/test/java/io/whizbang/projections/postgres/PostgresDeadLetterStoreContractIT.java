package io.whizbang.projections.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.projection.DeadLetterStore;
import io.whizbang.projection.DeadLetterStoreContractTest;
import org.junit.jupiter.api.AfterEach;

/** The PostgreSQL store's dead letters, in a new schema per test, against the contract every driver passes. */
class PostgresDeadLetterStoreContractIT extends DeadLetterStoreContractTest {
    private PostgresProjectionStore owner;

    @Override
    protected Future<DeadLetterStore> createStore(Vertx vertx) {
        return PostgresProjectionStore.connect(vertx, PostgresServer.get().freshOptions()).map(store -> {
            owner = store;
            return store.deadLetters();
        });
    }

    @AfterEach
    void closeOwner(VertxTestContext ctx) {
        owner.close().onComplete(ctx.succeedingThenComplete());
    }
}
