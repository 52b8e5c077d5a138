package io.whizbang.projections.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.DeadLetterStore;
import io.whizbang.projection.DeadLetterStoreContractTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The SQLite store's dead letters, on a new file per test, against the contract every driver passes. */
class SqliteDeadLetterStoreContractTest extends DeadLetterStoreContractTest {
    @TempDir
    Path directory;

    @Override
    protected Future<DeadLetterStore> createStore(Vertx vertx) {
        return SqliteProjectionStore.open(vertx, new SqliteProjectionStoreOptions()
                .setFile(directory.resolve("projections.db").toString())).map(OwningStore::new);
    }

    /** The dead letters of a projection store that the test opened for them alone, closed with them. */
    private record OwningStore(SqliteProjectionStore store) implements DeadLetterStore {
        @Override
        public Future<Void> park(DeadLetter letter) {
            return store.deadLetters().park(letter);
        }

        @Override
        public Future<List<DeadLetter>> list(String perspective) {
            return store.deadLetters().list(perspective);
        }

        @Override
        public Future<DeadLetter> resolve(String perspective, long position, DeadLetter.Status outcome, Instant at) {
            return store.deadLetters().resolve(perspective, position, outcome, at);
        }

        @Override
        public Future<Void> close() {
            return store.close();
        }
    }
}
