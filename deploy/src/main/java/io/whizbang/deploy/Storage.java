package io.whizbang.deploy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.eventstore.sqlite.SqliteLedger;
import io.whizbang.eventstore.sqlite.SqliteLedgerOptions;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;

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
     * Opens the store at the location: the ledger in memory or in an SQLite file (created with its directory when
     * missing). The projection store is in memory for every location; perspectives rebuild their read models from
     * the ledger when they start.
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
                    .map(ledger -> new Storage(ledger, ProjectionStore.memory()));
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
