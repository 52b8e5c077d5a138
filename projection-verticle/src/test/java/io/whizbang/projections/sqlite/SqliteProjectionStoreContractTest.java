package io.whizbang.projections.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.ProjectionStoreContractTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The SQLite projection store, on a new file per test, against the contract every driver passes. */
class SqliteProjectionStoreContractTest extends ProjectionStoreContractTest {
    @TempDir
    Path directory;

    @Override
    protected Future<ProjectionStore> createStore(Vertx vertx) {
        return SqliteProjectionStore.open(vertx, new SqliteProjectionStoreOptions()
                .setFile(directory.resolve("projections.db").toString())).map(store -> store);
    }
}
