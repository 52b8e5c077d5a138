package io.whizbang.deploy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.eventstore.sqlite.SqliteLedgerOptions;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
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
     * Opens the store at the location: in memory, or in SQLite files (created with their directory when missing) -
     * the ledger in the location's file and the read models, saga instances and checkpoints in its
     * {@linkplain StoreLocation.Sqlite#projectionsFile() projections file} beside it, so perspectives and sagas
     * resume from their checkpoints after a restart.
     *
     * @return a future failed with an {@link UnsupportedOperationException} when this build has no driver for it
     */
    public static Future<Storage> open(Vertx vertx, StoreLocation location) {
        try {
            requireDriver(location);
        } catch (UnsupportedOperationException e) {
            return Future.failedFuture(e);
        }
        if (location instanceof StoreLocation.Sqlite sqlite) {
            return SqliteLedger.open(vertx, new SqliteLedgerOptions().setFile(sqlite.file().toString()))
                    .compose(ledger -> SqliteProjectionStore.open(vertx, new SqliteProjectionStoreOptions()
                                    .setFile(sqlite.projectionsFile().toString()))
                            .map(projections -> new Storage(ledger, projections))
                            .recover(failure -> ledger.close()
                                    .transform(closed -> Future.<Storage>failedFuture(failure))));
        }
        return Future.succeededFuture(new Storage(Ledger.memory(vertx), ProjectionStore.memory()));
    }

    /**
     * Checks that this build has a driver for the location, before anything starts.
     *
     * @throws UnsupportedOperationException saying which store to use instead
     */
    public static void requireDriver(StoreLocation location) {
        Objects.requireNonNull(location, "location");
        if (location instanceof StoreLocation.Postgres) {
            throw new UnsupportedOperationException("the " + location.scheme() + " store driver is not in this build"
                    + " yet; run without --store for the SQLite file in the data directory, or use --store=memory");
        }
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
