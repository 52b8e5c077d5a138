package io.whizbang.benchmarks.projections;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;

/**
 * A ledger and a projection store of the same kind, with a raw reader of the ledger's events through the same client
 * as the ledger's driver: what the projection benchmarks run on.
 */
interface Backend extends AutoCloseable {
    /** What it is, for the report. */
    String describe();

    Vertx vertx();

    Ledger ledger();

    /**
     * Writes {@code events} {@code StockRestocked} events straight into the ledger's table, positions 1 to
     * {@code events}: event {@code n} restocks {@code n % 7 + 1} units of SKU {@code n % skus}.
     */
    void seed(int events, int skus) throws Exception;

    /** A new, empty projection store of the same kind, with its defaults. */
    Future<ProjectionStore> newStore(int round);

    /**
     * A new, empty projection store of the same kind; {@code durable} false asks it not to wait for the disk on
     * each commit, where the driver offers that.
     */
    default Future<ProjectionStore> newStore(int round, boolean durable) {
        return newStore(round);
    }

    /**
     * Reads every event with a raw keyset loop ({@code SELECT ... WHERE position > ? ORDER BY position LIMIT n}),
     * touching every column of every row; answers how many it read.
     */
    long rawRead(int pageSize) throws Exception;
}
