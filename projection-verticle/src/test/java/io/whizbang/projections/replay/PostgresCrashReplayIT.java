package io.whizbang.projections.replay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projections.postgres.PostgresProjectionStore;
import io.whizbang.projections.postgres.PostgresProjectionStoreOptions;
import io.whizbang.projections.postgres.PostgresServer;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.Map;

/**
 * The crash-replay property on the PostgreSQL store. The kill is abrupt: the server terminates every backend of the
 * dying store (waiting until they are gone), so a commit in flight is either wholly in or wholly out.
 */
@ExtendWith(VertxExtension.class)
class PostgresCrashReplayIT {
    private final Map<Integer, PostgresProjectionStoreOptions> trials = new HashMap<>();

    @Test
    void aPerspectiveKilledMidBatchResumesToTheReadModelBuiltFromScratch(Vertx vertx) throws Exception {
        CrashReplayProperty.check(vertx, new CrashReplayProperty.DurableStore() {
            @Override
            public Future<ProjectionStore> open(Vertx vertx, int trial) {
                PostgresProjectionStoreOptions options = trials.computeIfAbsent(trial,
                        t -> PostgresServer.get().freshOptions());
                return PostgresProjectionStore.connect(vertx, options).map(store -> store);
            }

            @Override
            public Future<Void> kill(Vertx vertx, ProjectionStore store) {
                String schema = ((PostgresProjectionStore) store).schema();
                return PgConnection.connect(vertx, PostgresServer.get().connectOptions())
                        .compose(admin -> admin.preparedQuery("SELECT pg_terminate_backend(pid, 10000)"
                                        + " FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                                        + " AND position($1 IN query) > 0")
                                .execute(Tuple.of(schema + "."))
                                .eventually(admin::close))
                        .compose(terminated -> store.close().otherwiseEmpty());
            }
        }, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }
}
