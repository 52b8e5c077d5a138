package io.whizbang.projections;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.Projections;

import java.util.Objects;

/**
 * Runs every perspective of a registry: each reads the ledger from its checkpoint, catch-up then live, and commits
 * its documents with its checkpoint to the projection store. Undeploying stops them after the batch in hand.
 *
 * <p>The ledger and the store belong to whoever deployed the verticle; it closes neither.
 */
public final class ProjectionVerticle extends VerticleBase {
    private final Registry registry;
    private final Ledger ledger;
    private final ProjectionStore store;
    private Projections projections;

    public ProjectionVerticle(Registry registry, Ledger ledger, ProjectionStore store) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Future<?> start() {
        return Projections.start(vertx, registry, ledger, store).onSuccess(started -> projections = started);
    }

    @Override
    public Future<?> stop() {
        return projections == null ? Future.succeededFuture() : projections.stop();
    }

    /** The running perspectives, to await a position or show their state; available once started. */
    public Projections projections() {
        if (projections == null) {
            throw new IllegalStateException("the projection verticle of " + registry.name() + " is not started");
        }
        return projections;
    }
}
