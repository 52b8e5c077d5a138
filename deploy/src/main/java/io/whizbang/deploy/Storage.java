package io.whizbang.deploy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.eventstore.postgres.PostgresLedger;
import io.whizbang.eventstore.postgres.PostgresLedgerOptions;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.eventstore.sqlite.SqliteLedgerOptions;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projections.postgres.PostgresProjectionStore;
import io.whizbang.projections.postgres.PostgresProjectionStoreOptions;
import io.whizbang.projections.sqlite.SqliteProjectionStore;
import io.whizbang.projections.sqlite.SqliteProjectionStoreOptions;

import java.util.Objects;

/**
 * The ledger and the projection store of one store location, opened together.
 *
 * @param ledger      the event store
 * @param projections where perspectives keep their read models and checkpoints
 */
public record Storage(Ledger ledger, ProjectionStore projections) {
    public Storage {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(projections, "projections");
    }

    /**
     * Opens the store at the location: in memory; in SQLite files (created with their directory when missing) -
     * the ledger in the location's file and the read models, saga instances and checkpoints in its
     * {@linkplain StoreLocation.Sqlite#projectionsFile() projections file} beside it, so perspectives and sagas
     * resume from their checkpoints after a restart; or in a PostgreSQL database, the ledger in schema
     * {@value PostgresLedgerOptions#DEFAULT_SCHEMA} and the read models in schema
     * {@value PostgresProjectionStoreOptions#DEFAULT_SCHEMA}, each created and migrated by its driver, so several
     * processes can share them.
     */
    public static Future<Storage> open(Vertx vertx, StoreLocation location) {
        Objects.requireNonNull(location, "location");
        if (location instanceof StoreLocation.Sqlite sqlite) {
            return SqliteLedger.open(vertx, new SqliteLedgerOptions().setFile(sqlite.file().toString()))
                    .compose(ledger -> SqliteProjectionStore.open(vertx, new SqliteProjectionStoreOptions()
                                    .setFile(sqlite.projectionsFile().toString()))
                            .map(projections -> new Storage(ledger, projections))
                            .recover(failure -> ledger.close()
                                    .transform(closed -> Future.<Storage>failedFuture(failure))));
        }
        if (location instanceof StoreLocation.Postgres postgres) {
            String uri = postgres.uri().toString();
            return PostgresLedger.connect(vertx, new PostgresLedgerOptions().setUri(uri))
                    .compose(ledger -> PostgresProjectionStore.connect(vertx,
                                    new PostgresProjectionStoreOptions().setUri(uri))
                            .map(projections -> new Storage(ledger, projections))
                            .recover(failure -> ledger.close()
                                    .transform(closed -> Future.<Storage>failedFuture(failure))));
        }
        return Future.succeededFuture(new Storage(Ledger.memory(vertx), ProjectionStore.memory()));
    }

    /** Whether the store keeps the ledger across restarts. */
    public static boolean durable(StoreLocation location) {
        return !(location instanceof StoreLocation.Memory);
    }

    /** Closes the ledger and the projection store. */
    public Future<Void> close() {
        return Future.join(ledger.close(), projections.close()).mapEmpty();
    }
}
