package io.whizbang.deploy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
     * Opens the store at the location.
     *
     * @return a future failed with an {@link UnsupportedOperationException} when this build has no driver for it
     */
    public static Future<Storage> open(Vertx vertx, StoreLocation location) {
        try {
            requireDriver(location);
        } catch (UnsupportedOperationException e) {
            return Future.failedFuture(e);
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
        if (!(location instanceof StoreLocation.Memory)) {
            throw new UnsupportedOperationException("the " + location.scheme()
                    + " store driver is not in this build yet; use --store=memory");
        }
    }

    /** Closes the ledger and the projection store. */
    public Future<Void> close() {
        return Future.join(ledger.close(), projections.close()).mapEmpty();
    }
}
