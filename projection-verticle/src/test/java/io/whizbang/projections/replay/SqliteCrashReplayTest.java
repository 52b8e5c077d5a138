package io.whizbang.projections.replay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projections.sqlite.SqliteProjectionStore;
import io.whizbang.projections.sqlite.SqliteProjectionStoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The crash-replay property on the SQLite store: a perspective killed mid-batch resumes to the same read model. */
@ExtendWith(VertxExtension.class)
class SqliteCrashReplayTest {
    @TempDir
    Path directory;

    @Test
    void aPerspectiveKilledMidBatchResumesToTheReadModelBuiltFromScratch(Vertx vertx) throws Exception {
        CrashReplayProperty.check(vertx, new CrashReplayProperty.DurableStore() {
            @Override
            public Future<ProjectionStore> open(Vertx vertx, int trial) {
                return SqliteProjectionStore.open(vertx, new SqliteProjectionStoreOptions()
                        .setFile(directory.resolve("trial-" + trial + ".db").toString())).map(store -> store);
            }

            @Override
            public Future<Void> kill(Vertx vertx, ProjectionStore store) {
                // the SQLite file is written in transactions; closing drops the connections
                return store.close();
            }
        }, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }
}
